using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Notices;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Engine.Tests.Notices;

/// <summary>Officer notices on a real SQLite ledger and fake time: durable, retried like slots, never lost to an outage or a restart.</summary>
public sealed class NoticeOutboxTests : IAsyncLifetime
{
    private readonly ScriptedGateway _gateway;
    private readonly EngineHarness _harness;
    private readonly SqliteNoticeStore _store;
    private Func<TextMessage, int, DeliveryResult> _answer = (m, _) => DeliveryResult.Accepted([$"id{m.Reference}"]);

    public NoticeOutboxTests()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        _gateway = new ScriptedGateway((m, n) => _answer(m, n), time);
        _harness = new EngineHarness(_gateway, time);
        _store = new SqliteNoticeStore(_harness.Database);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Enqueue_ThenSend_SendsEachNoticeOnce_AndAKeyQueuedTwiceIsQueuedOnce()
    {
        var outbox = Outbox();

        var added = await outbox.EnqueueAsync([Notice("a", "13800138001"), Notice("b", "13800138002")], default);
        var again = await outbox.EnqueueAsync([Notice("a", "13800138001")], default);
        var tried = await outbox.SendDueAsync(default);

        Assert.Equal((2, 0, 2), (added, again, tried));
        Assert.Equal(["13800138001", "13800138002"], _gateway.Sent.Select(m => m.Address).Order());
        Assert.All(_gateway.Sent, m => Assert.False(m.RequestReceipt));
        var stored = await _store.OfWarningAsync(0, null, default);
        Assert.All(stored, n => Assert.Equal((DeliveryStatus.Sent, 1, false), (n.State, n.Attempts, n.PossiblyDuplicated)));
        Assert.Equal(0, await outbox.SendDueAsync(default));
    }

    [Fact]
    public async Task GatewayDown_NoticeWaitsWithoutSpendingAnAttempt_AndLeavesWhenTheGatewayIsBack()
    {
        var outbox = Outbox();
        _gateway.Down("bind lost");
        await outbox.EnqueueAsync([Notice("a", "13800138001")], default);

        await outbox.SendDueAsync(default);
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await outbox.SendDueAsync(default);
        var waiting = Assert.Single(await _store.OfWarningAsync(0, null, default));
        _gateway.Up();
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await outbox.SendDueAsync(default);

        Assert.Equal((DeliveryStatus.Queued, 0), (waiting.State, waiting.Attempts));
        Assert.Equal(1, _gateway.Sends);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await _store.OfWarningAsync(0, null, default)).State);
    }

    [Fact]
    public async Task TemporaryFailures_AreRetriedAfterTheBackOff_UntilTheAttemptsRunOut()
    {
        var outbox = Outbox();
        _answer = (_, _) => DeliveryResult.Temporary("0x58", "throttled");
        await outbox.EnqueueAsync([Notice("a", "13800138001")], default);

        for (var i = 0; i < 10; i++)
        {
            await outbox.SendDueAsync(default);
            _harness.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var notice = Assert.Single(await _store.OfWarningAsync(0, null, default));
        Assert.Equal((DeliveryStatus.Failed, 3), (notice.State, notice.Attempts)); // EngineHarness allows 3 attempts
        Assert.Equal(3, _gateway.Sends);
        Assert.Contains("throttled", notice.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticeClaimedWhenTheHubStopped_IsSentAgainAfterTheRestart_FlaggedPossiblyDuplicated()
    {
        await Outbox().EnqueueAsync([Notice("a", "13800138001")], default);
        Assert.Single(await _store.ClaimDueAsync(_harness.Time.GetUtcNow(), 10, default)); // the hub stops mid-send

        var recovered = await _store.RecoverAsync(_harness.Time.GetUtcNow(), default);
        await Outbox().SendDueAsync(default);

        Assert.Equal(1, recovered);
        var notice = Assert.Single(await _store.OfWarningAsync(0, null, default));
        Assert.Equal((DeliveryStatus.Sent, true), (notice.State, notice.PossiblyDuplicated));
        Assert.Equal(1, _gateway.Sends);
    }

    [Fact]
    public async Task UnknownOutcome_IsSentAgain_FlaggedPossiblyDuplicated()
    {
        var outbox = Outbox();
        _answer = (m, n) => n == 1 ? DeliveryResult.Unknown("link lost after the request left") : DeliveryResult.Accepted(["x"]);
        await outbox.EnqueueAsync([Notice("a", "13800138001")], default);

        await outbox.SendDueAsync(default);
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        await outbox.SendDueAsync(default);

        var notice = Assert.Single(await _store.OfWarningAsync(0, null, default));
        Assert.Equal((DeliveryStatus.Sent, true, 2), (notice.State, notice.PossiblyDuplicated, _gateway.Sends));
    }

    [Fact]
    public async Task NoticeOfAnEndedWarning_IsCancelledAndNotSent()
    {
        var (warning, _) = await _harness.ReleasedWarningAsync(slots: 1);
        await _harness.Lifecycle.CancelAsync(warning.Id, default);
        var outbox = Outbox();

        await outbox.EnqueueAsync([Notice("a", "13800138001") with { WarningId = warning.Id }], default);
        await outbox.SendDueAsync(default);

        Assert.Equal(0, _gateway.Sends);
        Assert.Equal(DeliveryStatus.Cancelled, Assert.Single(await _store.OfWarningAsync(warning.Id, null, default)).State);
    }

    [Fact]
    public async Task WeComNotice_GoesToItsChannelsAdapter_MentioningTheOfficer()
    {
        var robots = new ScriptedSender((_, _) => DeliveryResult.Accepted([]));
        var outbox = Outbox(new ChannelRouter([_gateway, new WeComFake(robots)], []));

        await outbox.EnqueueAsync([Notice("a", "511124101000") with { Channel = "wecom", Mention = "13800138001" }], default);
        await outbox.SendDueAsync(default);

        var sent = Assert.Single(robots.Sent);
        Assert.Equal(("511124101000", "13800138001"), (sent.Address, sent.Fields[MessageFields.MentionedMobiles]));
        Assert.Equal(0, _gateway.Sends);
    }

    [Fact]
    public async Task FlashFor_Acknowledgement_SendsAcknowledgementNoticesAsFlash_AndOtherOfficerNoticesNot()
    {
        var options = new NoticeOptions();
        options.FlashFor.Add(NoticeAudience.Acknowledgement);
        var outbox = Outbox(options: options);

        await outbox.EnqueueAsync([Notice("ack:7:1:call", "13800138001"), Notice("ack:7:1:silent:1:2", "13800138002"), Notice("door:7:511124100201:3", "13800138003")], default);
        await outbox.SendDueAsync(default);

        Assert.Equal([("13800138001", true), ("13800138002", true), ("13800138003", false)], _gateway.Sent.Select(m => (m.Address, m.Flash)).Order());
    }

    [Fact]
    public void FlashFor_WithAnUnknownAudience_IsASettingErrorNamingIt()
    {
        var options = new NoticeOptions();
        options.FlashFor.Add("public");

        var result = new NoticeOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("FlashFor", StringComparison.Ordinal) && f.Contains("'public'", StringComparison.Ordinal));
    }

    private static OfficerNotice Notice(string key, string address) => new(key, 0, 1, "sms", address, "【井研县应急管理局】【叫应】测试");

    private NoticeOutbox Outbox(ChannelRouter? router = null, NoticeOptions? options = null)
    {
        var engine = Options.Create(new EngineOptions { MaxAttempts = 3 });
        return new NoticeOutbox(_store, _harness.Warnings, router ?? new ChannelRouter([_gateway], []), new RetryPolicy(engine, () => 0.5),
            Options.Create(options ?? new NoticeOptions()), _harness.Time, NullLogger<NoticeOutbox>.Instance);
    }

    private sealed class WeComFake(ScriptedSender inner) : ITextSender
    {
        public ChannelDefinition Definition { get; } = new("fake:wecom", "wecom", 2000, SupportsReceipts: false, MaxInFlight: 1);

        public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken) => inner.SendAsync(message, cancellationToken);
    }
}
