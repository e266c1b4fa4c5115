using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WarningHub.Server.Api;
using WarningHub.Testing;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>Issue 11, item 4: an agency's optional webhook hears of every state change of its warnings, signed with its secret.</summary>
public sealed class WebhookTests
{
    private const string Secret = "weather-webhook-secret-0123456789";

    [Fact]
    public async Task EveryStateChangeOfTheAgencysWarning_IsPostedSigned_PendingApprovedReleased()
    {
        var received = new ConcurrentQueue<(string Body, string Stamp, string Signature)>();
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var agency = builder.Build();
        agency.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            received.Enqueue((await reader.ReadToEndAsync(), http.Request.Headers[AgencyWebhooks.TimestampHeader].ToString(),
                http.Request.Headers[AgencyWebhooks.SignatureHeader].ToString()));
            return Results.NoContent();
        });
        await agency.StartAsync();

        await using var hub = await ApprovalHub.StartAsync(new Dictionary<string, string?>
        {
            ["WarningHub:Hub:Agencies:0:Webhook:Url"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hook",
            ["WarningHub:Hub:Agencies:0:Webhook:Secret"] = Secret,
        });
        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        using var alice = await hub.SessionAsync("alice");
        using var bob = await hub.SessionAsync("bob");
        (await alice.ApproveAsync(id)).Dispose();
        (await bob.ApproveAsync(id)).Dispose();
        await hub.WaitReleasedAsync(id);

        List<string> Events() => [.. received.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(e => e.GetProperty("id").GetString() == id).Select(e => e.GetProperty("event").GetString()!)];
        Assert.True(await Eventually.TrueAsync(() => Events().Contains("release"), TimeSpan.FromSeconds(20)), string.Join(",", Events()));
        Assert.Equal(["submit", "approve", "approve", "approved", "release"], Events());
        Assert.All(received, r => Assert.Equal("sha256=" + AgencyWebhooks.Sign(Secret, r.Stamp, r.Body), r.Signature));
        Assert.DoesNotContain(received, r => r.Signature == "sha256=" + AgencyWebhooks.Sign("another-secret-0123456789", r.Stamp, r.Body));
        await agency.StopAsync();
    }
}
