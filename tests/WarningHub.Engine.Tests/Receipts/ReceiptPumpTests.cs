using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Engine.Receipts;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Tests.Receipts;

/// <summary>
/// A receipt that overtakes the write of its send's outcome waits in memory for that write and then settles its slot
/// the ordinary way, instead of costing the ledger an early receipt kept and taken back.
/// </summary>
public sealed class ReceiptPumpTests
{
    private const string Source = "fake:sms";

    [Fact]
    public async Task Receipt_ForASendAnsweredButNotWritten_TravelsWithItsOutcome_WhichRecordsTheSlotDeliveredAtOnce()
    {
        await using var harness = new EngineHarness(new ScriptedSender((_, _) => DeliveryResult.Accepted(["unused"])));
        var (slot, warningId) = await ClaimedSlotAsync(harness);
        LogEarlyReceipts(harness);
        var unrecorded = new UnrecordedSends();
        var receipts = Channel.CreateUnbounded<Receipt>();
        await using var pump = await StartPumpAsync(harness, receipts, unrecorded);

        // The outcome writer is told the send was answered; its batch is written a moment later, with the receipt.
        var writer = new OutcomeWriter(harness.Ledger, harness.Time, unrecorded);
        writer.Add(new SlotOutcome(slot, DeliveryStatus.Sent, Source, ["m1"]));
        receipts.Writer.TryWrite(new Receipt("m1", DeliveryStatus.Delivered, "DELIVRD", harness.Time.GetUtcNow()));
        Assert.True(await Eventually.TrueAsync(() => receipts.Reader.Count == 0)); // taken by the pump, not applied
        await writer.DisposeAsync(); // the writer's last batch

        var counts = await harness.CountsAsync(warningId);
        Assert.Equal(1, counts[DeliveryStatus.Delivered]);
        Assert.Equal(1, counts.Sent);
        Assert.Equal(0, EarlyReceiptsEverKept(harness));
        Assert.Equal(0, unrecorded.Count);
        Assert.Equal((int)DeliveryStatus.Delivered, MessageState(harness, "m1")); // a repeat of the receipt finds it settled
    }

    [Fact]
    public async Task Receipt_ThatComesAMomentBeforeItsSendIsAnswered_StillTravelsWithTheOutcome_AndIsNeverKeptAsEarly()
    {
        await using var harness = new EngineHarness(new ScriptedSender((_, _) => DeliveryResult.Accepted(["unused"])));
        var (slot, warningId) = await ClaimedSlotAsync(harness);
        LogEarlyReceipts(harness);
        var unrecorded = new UnrecordedSends();
        var receipts = Channel.CreateUnbounded<Receipt>();
        // A long grace, so that the test's own pauses never send it the early way.
        await using var pump = await StartPumpAsync(harness, receipts, unrecorded, TimeSpan.FromMinutes(5));

        // The SMSC's receipt is read in the same packet as the answer to its send, before the sender has heard the answer.
        receipts.Writer.TryWrite(new Receipt("m3", DeliveryStatus.Delivered, "DELIVRD", harness.Time.GetUtcNow()));
        Assert.True(await Eventually.TrueAsync(() => receipts.Reader.Count == 0));
        var writer = new OutcomeWriter(harness.Ledger, harness.Time, unrecorded);
        writer.Add(new SlotOutcome(slot, DeliveryStatus.Sent, Source, ["m3"]));
        Assert.True(await Eventually.TrueAsync(() => unrecorded.Offered.Attached == 1)); // offered again and attached
        await writer.DisposeAsync();

        Assert.Equal(1, (await harness.CountsAsync(warningId))[DeliveryStatus.Delivered]);
        Assert.Equal(0, EarlyReceiptsEverKept(harness));
    }

    [Fact]
    public async Task Receipt_ForASendWhoseOutcomeIsBeingWritten_WaitsForTheWrite_AndIsNeverKeptAsEarly()
    {
        await using var harness = new EngineHarness(new ScriptedSender((_, _) => DeliveryResult.Accepted(["unused"])));
        var (slot, warningId) = await ClaimedSlotAsync(harness);
        LogEarlyReceipts(harness);
        var unrecorded = new UnrecordedSends();
        var receipts = Channel.CreateUnbounded<Receipt>();
        await using var pump = await StartPumpAsync(harness, receipts, unrecorded);

        unrecorded.Answered(Source, ["m1"]);
        Assert.Null(unrecorded.TakeForWrite(Source, ["m1"])); // the write has begun, with no receipt attached
        receipts.Writer.TryWrite(new Receipt("m1", DeliveryStatus.Delivered, "DELIVRD", harness.Time.GetUtcNow()));
        // The pump has taken the receipt before the outcome is written: without the hold it would be kept as early now.
        Assert.True(await Eventually.TrueAsync(() => receipts.Reader.Count == 0));

        await harness.Ledger.RecordOutcomesAsync([new SlotOutcome(slot, DeliveryStatus.Sent, Source, ["m1"])], default);
        unrecorded.Recorded(Source, ["m1"]);
        unrecorded.Signal();

        Assert.True(await Eventually.TrueAsync(async () => (await harness.CountsAsync(warningId))[DeliveryStatus.Delivered] == 1));
        Assert.Equal(0, EarlyReceiptsEverKept(harness));
        Assert.Equal(0, unrecorded.Count);
    }

    [Fact]
    public async Task Receipt_ForASendNotKnownHere_GoesTheEarlyWayAfterAMoment_AndTheOutcomeSettlesIt()
    {
        await using var harness = new EngineHarness(new ScriptedSender((_, _) => DeliveryResult.Accepted(["unused"])));
        var (slot, warningId) = await ClaimedSlotAsync(harness);
        LogEarlyReceipts(harness);
        var receipts = Channel.CreateUnbounded<Receipt>();
        await using var pump = await StartPumpAsync(harness, receipts, new UnrecordedSends());

        receipts.Writer.TryWrite(new Receipt("m2", DeliveryStatus.Delivered, "DELIVRD", harness.Time.GetUtcNow()));
        Assert.True(await Eventually.TrueAsync(() => EarlyReceiptsEverKept(harness) == 1));

        await harness.Ledger.RecordOutcomesAsync([new SlotOutcome(slot, DeliveryStatus.Sent, Source, ["m2"])], default);
        Assert.Equal(1, (await harness.CountsAsync(warningId))[DeliveryStatus.Delivered]);
    }

    private static async Task<(long Slot, long WarningId)> ClaimedSlotAsync(EngineHarness harness)
    {
        var (warning, shards) = await harness.ReleasedWarningAsync(slots: 1);
        var claimed = await harness.Ledger.ClaimAsync(shards[0], harness.Time.GetUtcNow(), 1, default);
        return (Assert.Single(claimed).Id, warning.Id);
    }

    /// <summary>Every row ever put in early_receipt is logged, so a kept-then-taken receipt is still seen.</summary>
    private static void LogEarlyReceipts(EngineHarness harness) =>
        harness.Database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                CREATE TABLE early_receipt_log(id TEXT NOT NULL);
                CREATE TRIGGER early_receipt_logged AFTER INSERT ON early_receipt BEGIN INSERT INTO early_receipt_log VALUES (NEW.id); END;
                """;
            return cmd.ExecuteNonQuery();
        }, default).GetAwaiter().GetResult();

    private static long MessageState(EngineHarness harness, string id)
    {
        using var c = harness.Database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT state FROM message WHERE source = $s AND id = $m";
        cmd.Parameters.AddWithValue("$s", Source);
        cmd.Parameters.AddWithValue("$m", id);
        return (long)cmd.ExecuteScalar()!;
    }

    private static long EarlyReceiptsEverKept(EngineHarness harness)
    {
        using var c = harness.Database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM early_receipt_log";
        return (long)cmd.ExecuteScalar()!;
    }

    private static async Task<RunningPump> StartPumpAsync(EngineHarness harness, Channel<Receipt> receipts, UnrecordedSends unrecorded, TimeSpan? unknownGrace = null)
    {
        var pump = new ReceiptPump([new FakeReceiptSource(receipts.Reader)], harness.Ledger, NullLogger<ReceiptPump>.Instance, unrecorded)
        {
            UnknownGrace = unknownGrace ?? TimeSpan.FromMilliseconds(100),
        };
        await pump.StartAsync(default);
        return new RunningPump(pump);
    }

    private sealed class RunningPump(ReceiptPump pump) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await pump.StopAsync(default);
            pump.Dispose();
        }
    }

    private sealed class FakeReceiptSource(ChannelReader<Receipt> receipts) : IReceiptSource
    {
        public ChannelDefinition Definition { get; } = new(Source, "sms", 1000, SupportsReceipts: true, MaxInFlight: 8);

        public ChannelReader<Receipt> Receipts => receipts;
    }
}
