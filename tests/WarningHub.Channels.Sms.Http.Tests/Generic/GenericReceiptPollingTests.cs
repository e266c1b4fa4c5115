using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;

namespace WarningHub.Channels.Sms.Http.Tests.Generic;

/// <summary>
/// Receipts pulled from a Generic gateway: a small gateway written here queues a report for each message it takes and
/// hands each out once to a pull, under the same API key as sends; the hub's poll loop maps the answer by the settings.
/// </summary>
public sealed class GenericReceiptPollingTests
{
    private const string Key = "generic-poll-key-0123456789";

    [Fact]
    public async Task Receipts_ByPolling_AreMappedByTheConfiguredPaths_WithTheSendsAuth_AndEachIsHandedOnOnce()
    {
        var queued = new ConcurrentQueue<object>();
        var polls = new ConcurrentQueue<(string? Key, string Size)>();
        await using var server = await LoopbackGateway.StartAsync(app =>
        {
            app.MapPost("/sms", async (HttpContext c) =>
            {
                if (c.Request.Headers["X-Api-Key"] != Key) return Results.StatusCode(401);
                var body = JsonDocument.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync()).RootElement;
                var mobile = body.GetProperty("mobile").GetString()!;
                var msgid = "P-" + mobile;

                // An intermediate state first, then the end; numbers ending in 9 are not delivered.
                queued.Enqueue(new { msgid, state = "ACCEPTD" });
                queued.Enqueue(new { msgid, state = mobile.EndsWith('9') ? "UNDELIV" : "DELIVRD" });
                return Results.Json(new { result = "ok", msgid });
            });
            app.MapGet("/reports", (HttpContext c) =>
            {
                polls.Enqueue((c.Request.Headers["X-Api-Key"].FirstOrDefault(), c.Request.Query["size"].ToString()));
                if (c.Request.Headers["X-Api-Key"] != Key) return Results.StatusCode(401);
                var page = new List<object>();
                while (page.Count < 10 && queued.TryDequeue(out var r)) page.Add(r);
                return Results.Json(new { result = "ok", data = new { reports = page } });
            });
        });
        var options = new HttpSmsOptions
        {
            Url = server.Url("/sms"),
            Body = HttpSmsBody.Json,
            Auth = HttpSmsAuth.Header,
            AuthHeader = "X-Api-Key",
            ApiKey = Key,
            Fields = { ["mobile"] = "{phone}", ["content"] = "{text}" },
            MessageIdPath = "msgid",
            Receipts = HttpSmsReceipts.Polling,
            PollUrl = server.Url("/reports"),
            PollFields = { ["size"] = "{pageSize}" },
            PollListPath = "data.reports",
            PollIdPath = "msgid",
            PollStatusPath = "state",
            PollBatch = 10,
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        var validation = new HttpSmsOptionsValidator().Validate("polled", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        await using var gateway = new HttpSmsGateway("polled", options);
        await gateway.StartAsync(CancellationToken.None);

        var delivered = await gateway.SendAsync(new TextMessage(21, "13800138000", "山洪灾害橙色预警"), CancellationToken.None);
        var failed = await gateway.SendAsync(new TextMessage(22, "13800138009", "山洪灾害橙色预警"), CancellationToken.None);
        var receipts = new List<Receipt>();
        var both = await Eventually.TrueAsync(() =>
        {
            while (gateway.Receipts.TryRead(out var r)) receipts.Add(r);
            return receipts.Count >= 2;
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(["P-13800138000"], delivered.ProviderMessageIds);
        Assert.Equal(["P-13800138009"], failed.ProviderMessageIds);
        Assert.True(both, $"{receipts.Count} receipt(s) pulled after {polls.Count} poll(s)");
        Assert.Equal(
            [("P-13800138000", DeliveryStatus.Delivered, "DELIVRD"), ("P-13800138009", DeliveryStatus.Failed, "UNDELIV")],
            receipts.Select(r => (r.ProviderMessageId, r.Status, r.Code)).OrderBy(r => r.ProviderMessageId, StringComparer.Ordinal));
        Assert.All(polls, p =>
        {
            Assert.Equal(Key, p.Key);
            Assert.Equal("10", p.Size);
        });
        Assert.Empty(queued);
    }

    [Fact]
    public void Validate_GenericPolling_NamesEverySettingThatIsMissingOrWrong()
    {
        var options = new HttpSmsOptions
        {
            Url = "https://sms.example/send",
            Fields = { ["mobile"] = "{phone}", ["content"] = "{text}" },
            Receipts = HttpSmsReceipts.Polling,
            PollUrl = "reports",
            PollMethod = "DELETE",
            PollIdPath = " ",
            PollStatusPath = "",
            PollFields = { ["since"] = "{lastId}" },
            PollInterval = TimeSpan.Zero,
            DeliveredValues = { "DELIVRD" },
            FailedValues = { "DELIVRD", "UNDELIV" },
        };

        var failures = new HttpSmsOptionsValidator().Validate("generic", options).Failures!.ToList();

        foreach (var expected in new[]
        {
            "PollUrl must be an absolute", "PollMethod must be GET or POST", "PollIdPath is required", "PollStatusPath is required",
            "PollFields since has the unknown placeholder {lastId}", "PollInterval must be positive", "FailedValues has DELIVRD",
        })
        {
            Assert.Contains(failures, f => f.StartsWith("HTTP SMS gateway 'generic': " + expected, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(failures, f => f.Contains("Receipts", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PollSettingsWithoutPolling_AreNamedRatherThanIgnored()
    {
        var options = new HttpSmsOptions
        {
            Url = "https://sms.example/send",
            Fields = { ["mobile"] = "{phone}", ["content"] = "{text}" },
            PollUrl = "https://sms.example/reports",
            PollListPath = "data",
        };

        var failures = new HttpSmsOptionsValidator().Validate("generic", options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("PollUrl is only for the Generic profile with Receipts Polling", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("PollListPath is only for", StringComparison.Ordinal));
    }
}
