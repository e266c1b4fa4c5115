using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Tests;

/// <summary>Guarantee 3: after a crash, exactly the slots whose request may have been written are flagged.</summary>
public sealed class PossiblyDuplicatedTests
{
    [Fact]
    public async Task Crash_WithSendsInFlight_FlagsOnlyThoseTheAdapterWasAboutToWrite()
    {
        var hang = new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new WriteReportingSender(hang.Task, hangFrom: 965);
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);

        // The last claim (slots 965 to 1000 in send order) never gets an answer: the hub "dies" with them in flight.
        var run = Task.Run(() => h.Job.RunAsync(shards[0].Id, default));
        Assert.True(await Eventually.TrueAsync(() => sender.Handed == 1000 && sender.Marked == sender.ExpectedMarks, TimeSpan.FromSeconds(30)),
            $"handed {sender.Handed}, marked {sender.Marked} of {sender.ExpectedMarks}");

        var recovered = await h.Ledger.RecoverInFlightAsync(h.Time.GetUtcNow(), default);

        Assert.Equal(new InFlightRecovery(36, 18), recovered);
        Assert.Equal(18, (await h.CountsAsync(warning.Id)).PossiblyDuplicated);
        hang.SetResult(DeliveryResult.Unknown("link lost"));
        await run;
    }

    /// <summary>Reports its writes; from the <c>hangFrom</c>-th send on, every other message is written and then never answered.</summary>
    private sealed class WriteReportingSender(Task<DeliveryResult> hang, int hangFrom) : ITextSender
    {
        private int _handed, _marked;

        public ChannelDefinition Definition { get; } = new("fake:sms", "sms", 1000, SupportsReceipts: true, MaxInFlight: 64) { ReportsWrites = true };

        public int Handed => Volatile.Read(ref _handed);

        public int Marked => Volatile.Read(ref _marked);

        public int ExpectedMarks => hangFrom - 1 + (1000 - hangFrom + 1) / 2;

        public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _handed);
            var writes = n < hangFrom || n % 2 == 0;
            if (writes)
            {
                await message.BeforeWrite!(cancellationToken);
                Interlocked.Increment(ref _marked);
            }
            return n < hangFrom ? DeliveryResult.Accepted(["w" + message.Reference]) : await hang;
        }
    }
}
