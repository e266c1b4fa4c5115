using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;

namespace WarningHub.Channels.Sms.Http.Tests.Generic;

/// <summary>
/// A Generic gateway that takes a list of numbers in one request (MaxBatch above 1) and answers a result per number:
/// the numbers go as a JSON array or comma-joined, and each answer finds its own message by number or by position.
/// </summary>
public sealed class GenericBatchTests
{
    private const string Text = "森林火险红色预警";

    [Fact]
    public async Task Send_ToABatchGateway_AsAJsonArray_SharesOneRequest_AndMapsEachResultBackByNumber()
    {
        var requests = new ConcurrentQueue<JsonElement>();
        await using var server = await LoopbackGateway.StartAsync(app => app.MapPost("/batch", async (HttpContext c) =>
        {
            var body = JsonDocument.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync()).RootElement.Clone();
            requests.Enqueue(body);

            // Results in the reverse order of the numbers: only the number says whose result it is.
            var results = body.GetProperty("mobiles").EnumerateArray().Select(m => m.GetString()!).Reverse()
                .Select(m => m.StartsWith('1') ? (object)new { mobile = m, code = 0, sid = "S-" + m } : new { mobile = m, code = 1001, msg = "invalid mobile" });
            return Results.Json(new { code = 0, data = new { results } });
        }));
        var options = new HttpSmsOptions
        {
            Url = server.Url("/batch"),
            Body = HttpSmsBody.Json,
            Fields = { ["mobiles"] = "{phoneArray}", ["content"] = "{text}" },
            MaxBatch = 3,
            BatchLinger = TimeSpan.FromSeconds(5),
            ErrorCodePath = "code",
            SuccessCode = "0",
            ResultsPath = "data.results",
            ResultNumberPath = "mobile",
            ResultIdPath = "sid",
            ResultCodePath = "code",
            ResultSuccessCode = "0",
        };
        var validation = new HttpSmsOptionsValidator().Validate("batch", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        await using var gateway = new HttpSmsGateway("batch", options);
        await gateway.StartAsync(CancellationToken.None);

        // Three sends of one text fill the batch at once (the linger is far longer than the test).
        var sends = new[] { "13800138000", "000123", "13900139000" }
            .Select((phone, i) => gateway.SendAsync(new TextMessage(30 + i, phone, Text), CancellationToken.None).AsTask()).ToArray();
        var results = await Task.WhenAll(sends);

        var request = Assert.Single(requests);
        Assert.Equal(["13800138000", "000123", "13900139000"], request.GetProperty("mobiles").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.Array, request.GetProperty("mobiles").ValueKind);
        Assert.Equal(Text, request.GetProperty("content").GetString());
        Assert.Equal(1, gateway.Requests);
        Assert.Equal(["S-13800138000"], results[0].ProviderMessageIds);
        Assert.Equal((SendOutcome.PermanentFailure, "HTTP:1001"), (results[1].Outcome, results[1].ErrorCode));
        Assert.Equal(["S-13900139000"], results[2].ProviderMessageIds);
    }

    [Fact]
    public async Task Send_ToABatchGateway_CommaJoined_MapsResultsByPosition_AndAShortListLeavesEveryNumberUnknown()
    {
        var forms = new ConcurrentQueue<string>();
        await using var server = await LoopbackGateway.StartAsync(app => app.MapPost("/list", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            var numbers = form["to"].ToString().Split(',');
            forms.Enqueue(form["to"].ToString());

            // The second request's answer lacks a result: the gateway took it and does not say which number is missing.
            var listed = forms.Count == 1 ? numbers : numbers.SkipLast(1);
            return Results.Json(new { ok = true, list = listed.Select(n => new { id = "L-" + n }) });
        }));
        var options = new HttpSmsOptions
        {
            Url = server.Url("/list"),
            Fields = { ["to"] = "{phones}", ["text"] = "{text}" },
            MaxBatch = 2,
            BatchLinger = TimeSpan.FromSeconds(5),
            ResultsPath = "list",
            ResultIdPath = "id",
        };
        var validation = new HttpSmsOptionsValidator().Validate("list", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        await using var gateway = new HttpSmsGateway("list", options);
        await gateway.StartAsync(CancellationToken.None);

        var mapped = await Task.WhenAll(
            gateway.SendAsync(new TextMessage(41, "13800138000", Text), CancellationToken.None).AsTask(),
            gateway.SendAsync(new TextMessage(42, "13800138001", Text), CancellationToken.None).AsTask());
        var unmapped = await Task.WhenAll(
            gateway.SendAsync(new TextMessage(43, "13800138002", Text), CancellationToken.None).AsTask(),
            gateway.SendAsync(new TextMessage(44, "13800138003", Text), CancellationToken.None).AsTask());

        Assert.Equal(["13800138000,13800138001", "13800138002,13800138003"], forms);
        Assert.Equal(["L-13800138000"], mapped[0].ProviderMessageIds);
        Assert.Equal(["L-13800138001"], mapped[1].ProviderMessageIds);

        // One result for two numbers: either may have been taken, so both are Unknown and a resend is flagged.
        Assert.All(unmapped, r => Assert.Equal(SendOutcome.Unknown, r.Outcome));
    }

    [Fact]
    public void Validate_AGenericBatch_NeedsAListPlaceholderAndPerNumberResults_AndRefusesPlaceholdersOfOneMessage()
    {
        var options = new HttpSmsOptions
        {
            Url = "https://sms.example/send",
            Fields = { ["to"] = "{phone}", ["text"] = "{text}", ["ref"] = "{reference}" },
            MaxBatch = 50,
            Receipts = HttpSmsReceipts.Callback,
            CallbackToken = "generic-callback-token-0123",
            ResultSuccessCode = "0",
        };

        var failures = new HttpSmsOptionsValidator().Validate("batch", options).Failures!.ToList();

        foreach (var expected in new[]
        {
            "Fields must place {phones} or {phoneArray}", "Fields cannot use {phone}", "Fields cannot use {reference}",
            "ResultsPath is required", "ResultIdPath is required", "ResultSuccessCode needs ResultCodePath",
        })
        {
            Assert.Contains(failures, f => f.StartsWith("HTTP SMS gateway 'batch': " + expected, StringComparison.Ordinal));
        }

        options.MaxBatch = 1001;
        Assert.Contains(new HttpSmsOptionsValidator().Validate("batch", options).Failures!, f => f.Contains("MaxBatch must be between 1 and 1000", StringComparison.Ordinal));
    }
}
