using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Sms;

/// <summary>
/// The hub with a Generic HTTP SMS gateway ("WarningHub:Sms:Http:&lt;name&gt;") whose receipts come by callback to the
/// hub's own route, <c>/api/v1/sms/http/{gateway}/receipts</c>: a receipt posted there ends the slot in the ledger.
/// </summary>
public sealed class GenericSmsCallbackHubTests : IDisposable
{
    private const string Gateway = "county";
    private const string CallbackToken = "county-callback-token-0123456789";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-genericsms-");

    [Fact]
    public async Task ReceiptCallback_PostedToTheHubsRoute_EndsEachSlotInTheLedger_AndAWrongTokenChangesNothing()
    {
        // The gateway: takes one number per request, answers its own message id; reports are posted by the test below.
        var taken = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var gateway = builder.Build();
        gateway.MapPost("/send", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            var id = "G-" + form["mobile"];
            taken[form["mobile"].ToString()] = id;
            return Results.Json(new { code = "0", msgid = id });
        });
        await gateway.StartAsync();
        var gatewayUrl = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 60, Seed = 12 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var app = HubHost.Build([], loadConfigFile: false, overrides: Settings(gatewayUrl), configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (app)
        {
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, default);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            var sent = await TestHub.WaitForAsync(http, id, w => TestHub.Sms(w, "awaitingReceipt") == phones.Count, TimeSpan.FromSeconds(60));
            Assert.Equal(phones.Count, TestHub.Sms(sent, "awaitingReceipt"));

            // A receipt without the token: refused, and the slot stays as it was.
            using var forged = await PostReceiptAsync(http, taken[phones[0]], "DELIVRD", "not-the-callback-token-0123456");
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal(phones.Count, TestHub.Sms(await TestHub.WaitForAsync(http, id, _ => true, TimeSpan.FromSeconds(5)), "awaitingReceipt"));

            // The last phone's handset never took it; every other one did.
            foreach (var phone in phones)
            {
                using var posted = await PostReceiptAsync(http, taken[phone], phone == phones[^1] ? "UNDELIV" : "DELIVRD", CallbackToken);
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            }

            var warning = await TestHub.WaitAllFinalAsync(http, id, TimeSpan.FromSeconds(60));
            Assert.Equal(phones.Count, TestHub.Sms(warning, "planned"));
            Assert.Equal(phones.Count - 1, TestHub.Sms(warning, "delivered"));
            Assert.Equal(1, TestHub.Sms(warning, "failed"));
            Assert.Equal(0, TestHub.Sms(warning, "awaitingReceipt"));
            await app.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    /// <summary>A receipt as a gateway posts it: a form with the id and the status, the token in X-Callback-Token; no API key.</summary>
    private static async Task<HttpResponseMessage> PostReceiptAsync(HttpClient hub, string messageId, string status, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/sms/http/{Gateway}/receipts", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["msgid"] = messageId, ["stat"] = status }),
        };
        request.Headers.Add("X-Callback-Token", token);
        using var plain = new HttpClient { BaseAddress = hub.BaseAddress };
        return await plain.SendAsync(request);
    }

    private Dictionary<string, string?> Settings(string gatewayUrl)
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 1, gatewayRate: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        settings["WarningHub:Engine:ReceiptWindow"] = "00:05:00";
        var section = $"WarningHub:Sms:Http:{Gateway}:";
        settings[section + "Url"] = gatewayUrl.TrimEnd('/') + "/send";
        settings[section + "Fields:mobile"] = "{phone}";
        settings[section + "Fields:content"] = "{text}";
        settings[section + "ErrorCodePath"] = "code";
        settings[section + "SuccessCode"] = "0";
        settings[section + "MessageIdPath"] = "msgid";
        settings[section + "Receipts"] = "Callback";
        settings[section + "CallbackToken"] = CallbackToken;
        settings[section + "ReceiptIdField"] = "msgid";
        settings[section + "ReceiptStatusField"] = "stat";
        settings[section + "HealthCheckInterval"] = "00:00:01";
        return settings;
    }
}
