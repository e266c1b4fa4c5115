using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Cap;
using WarningHub.Core.Users;
using WarningHub.Server.Security;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>
/// A test hub with the shipped default made explicit: two different approvers for orange and red Actual, the rest at
/// once; and users: approvers alice, bob and carol (carol submits for the weather agency), duty officer dora.
/// </summary>
internal static class ApprovalHub
{
    public const string Password = "correct-horse-battery";

    public static readonly Dictionary<string, string?> TwoPersonRule = new()
    {
        ["WarningHub:Approval:Rules:0:Levels:0"] = "Red",
        ["WarningHub:Approval:Rules:0:Levels:1"] = "Orange",
        ["WarningHub:Approval:Rules:0:Statuses:0"] = "Actual",
        ["WarningHub:Approval:Rules:0:Approvers"] = "2",
        ["WarningHub:Approval:Rules:1:Approvers"] = "0",
    };

    public static async Task<TestHub> StartAsync(IReadOnlyDictionary<string, string?>? more = null, int persons = 300)
    {
        var settings = new Dictionary<string, string?>(TwoPersonRule);
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) settings[k] = v;
        var hub = await TestHub.StartAsync(persons: persons, settings: settings);
        var users = hub.App.Services.GetRequiredService<IUserStore>();
        var now = TimeProvider.System.GetUtcNow();
        await users.AddAsync(UserAccounts.NewUser("alice", HubRole.Approver, Password, null, "13800138001", now), "test", default);
        await users.AddAsync(UserAccounts.NewUser("bob", HubRole.Approver, Password, null, "13800138002", now), "test", default);
        await users.AddAsync(UserAccounts.NewUser("carol", HubRole.Approver, Password, "jingyan-weather", null, now), "test", default);
        await users.AddAsync(UserAccounts.NewUser("dora", HubRole.DutyOfficer, Password, "jingyan-weather", null, now), "test", default);
        return hub;
    }

    /// <summary>A client signed in as <paramref name="user"/>: a session of its own.</summary>
    public static async Task<HttpClient> SessionAsync(this TestHub hub, string user, string password = Password)
    {
        var http = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        using var response = await http.PostAsJsonAsync("/api/v1/sessions", new { user, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"sign-in of {user}: {(int)response.StatusCode} {body}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("token").GetString());
        return http;
    }

    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient session, string id) =>
        session.PostAsync(new Uri($"/api/v1/warnings/{id}/approve", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> RejectAsync(this HttpClient session, string id, string? reason) =>
        session.PostAsJsonAsync(new Uri($"/api/v1/warnings/{id}/reject", UriKind.Relative), new { reason });

    public static async Task<JsonElement> SubmitPendingAsync(this TestHub hub, CapAlert alert, HttpClient? client = null)
    {
        using var response = await hub.SubmitRawAsync(LiveWarning.Xml(alert), "application/cap+xml", client);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Released, and every SMS slot final.</summary>
    public static Task<JsonElement> WaitReleasedAsync(this TestHub hub, string id) =>
        TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Released" && TestHub.Sms(w, "planned") > 0
            && TestHub.Sms(w, "pending") == 0, TimeSpan.FromSeconds(60));

    public static string State(JsonElement warning) => warning.GetProperty("state").GetString()!;
}
