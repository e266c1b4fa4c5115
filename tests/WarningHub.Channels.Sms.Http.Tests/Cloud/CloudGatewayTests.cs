using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;

namespace WarningHub.Channels.Sms.Http.Tests.Cloud;

/// <summary>The Cloud profile against the simulated platform: template, batches of at most 1,000, per-number results, signatures, pulled receipts.</summary>
public sealed class CloudGatewayTests
{
    private const string Text = "【预警】县气象台发布暴雨红色预警信号：请立即转移到安全地带，远离河道、山洪沟。";

    [Fact]
    public async Task Send_2500NumbersAtOnce_GoesInBatchesOfAtMost1000_AndEveryNumberGetsItsOwnId()
    {
        await using var harness = await CloudHarness.StartAsync(gateway: g => g.BatchLinger = TimeSpan.FromMilliseconds(200));
        var phones = Enumerable.Range(0, 2500).Select(i => $"139{i:D8}").ToList();

        var results = await Task.WhenAll(phones.Select((p, i) => harness.Gateway.SendAsync(new TextMessage(i, p, Text), CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(2500, results.Select(r => Assert.Single(r.ProviderMessageIds)).Distinct().Count());
        Assert.Equal(phones.ToHashSet(), harness.Platform.Accepted.Select(a => a.Phone).ToHashSet());
        Assert.All(harness.Platform.Accepted, a => Assert.InRange(a.BatchSize, 1, 1000));
        Assert.InRange(harness.Platform.SendRequests, 3, 10);
        Assert.All(harness.Platform.Accepted, a => Assert.Equal((Text, "井研县应急管理局", "SMS_WARNING_001"), (a.Text, a.SignName, a.TemplateCode)));
    }

    [Fact]
    public async Task Send_ABatchWithABadNumber_FailsThatNumberPermanently_AndTheOthersAreAccepted()
    {
        await using var harness = await CloudHarness.StartAsync(gateway: g => g.BatchLinger = TimeSpan.FromMilliseconds(200));

        var results = await Task.WhenAll(
            harness.Gateway.SendAsync(new TextMessage(1, "13800138000", Text), CancellationToken.None).AsTask(),
            harness.Gateway.SendAsync(new TextMessage(2, "2380013800", Text), CancellationToken.None).AsTask());

        Assert.Equal(SendOutcome.Accepted, results[0].Outcome);
        Assert.Equal(SendOutcome.PermanentFailure, results[1].Outcome);
        Assert.Equal("CLOUD:isv.MOBILE_NUMBER_ILLEGAL", results[1].ErrorCode);
        Assert.Equal(1, harness.Platform.SendRequests);
    }

    [Fact]
    public async Task Send_WithTheWrongSecret_IsRefusedByThePlatform_AsATemporaryFailureNamingTheSettings()
    {
        await using var harness = await CloudHarness.StartAsync(gateway: g => g.AccessKeySecret = "not-the-platforms-secret");

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", Text), CancellationToken.None);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("CLOUD:SignatureDoesNotMatch", result.ErrorCode);
        Assert.Contains("AccessKeySecret", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, harness.Platform.SignatureFailures);
        Assert.Empty(harness.Platform.Accepted);
    }

    [Fact]
    public async Task Receipts_ArePulled_DeliveredAndFailed_ForTheIdsTheSendsReturned()
    {
        await using var harness = await CloudHarness.StartAsync(p => p.FailingSuffix = "9", g => g.MaxBatch = 10);
        var delivered = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", Text), CancellationToken.None);
        var failed = await harness.Gateway.SendAsync(new TextMessage(2, "13800138009", Text), CancellationToken.None);

        var receipts = new Dictionary<string, DeliveryStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (receipts.Count < 2)
        {
            var receipt = await harness.Gateway.Receipts.ReadAsync(timeout.Token);
            receipts[receipt.ProviderMessageId] = receipt.Status;
        }

        Assert.Equal(DeliveryStatus.Delivered, receipts[delivered.ProviderMessageIds[0]]);
        Assert.Equal(DeliveryStatus.Failed, receipts[failed.ProviderMessageIds[0]]);
        Assert.Equal(0, harness.Platform.PendingReceipts);
    }
}

/// <summary>Stopping the gateway loses nothing that waits in an open batch.</summary>
public sealed class CloudStopTests
{
    [Fact]
    public async Task Stop_WithASendWaitingInAnOpenBatch_SendsItBeforeStopping()
    {
        // The batch's linger timer runs on a fake clock that never moves: only the stop can make the batch leave.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var harness = await CloudHarness.StartAsync(gateway: g =>
        {
            g.BatchLinger = TimeSpan.FromSeconds(5);
            g.HealthCheckInterval = TimeSpan.FromHours(1);
            g.PollInterval = TimeSpan.FromHours(1);
        }, time: time);
        var waiting = harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "【预警】山洪"), CancellationToken.None).AsTask();

        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20))) await harness.Gateway.StopAsync(stop.Token);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("13800138000", Assert.Single(harness.Platform.Accepted).Phone);
    }
}
