using System.Collections.Concurrent;
using System.Threading.Channels;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Tests.Time;

/// <summary>One message as the fake gateway took it, with the fake time it was written at.</summary>
internal sealed record ClockedSend(long Reference, string Address, string MessageId, DateTimeOffset At, string Text = "");

/// <summary>
/// An SMS gateway on the test's clock: it accepts every message it is handed, records the (fake) time it was written,
/// and lets the test hold sends after the first <see cref="PassFirst"/> (a slow fan-out without real waiting) and
/// send receipts. A held send gives up as soon as its cancellation token fires, before anything is written.
/// </summary>
internal sealed class ClockedGateway(TimeProvider time, string channel = "sms", string name = "clocked:sms", int maxInFlight = 4) : ITextSender, IReceiptSource
{
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entered;

    public ChannelDefinition Definition { get; } = new(name, channel, 1000, SupportsReceipts: true, MaxInFlight: maxInFlight);

    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>Every message written, in any order.</summary>
    public ConcurrentQueue<ClockedSend> Sent { get; } = new();

    /// <summary>Sends given up because their token fired while held.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    private int _gaveUp;

    /// <summary>When true, each message's first attempt is refused as throttled (a temporary failure).</summary>
    public bool ThrottleFirstAttempts { get; set; }

    private readonly ConcurrentDictionary<long, byte> _tried = new();

    /// <summary>Sends after this many are held until <see cref="Open"/>; unlimited by default.</summary>
    public int PassFirst { get; set; } = int.MaxValue;

    /// <summary>Completes once a send is held: the fan-out is in the middle.</summary>
    public Task Holding => _holding.Task;

    /// <summary>
    /// Waits until the first <see cref="PassFirst"/> messages are written and a later one is held: the fan-out is
    /// stopped in the middle, with nothing on its way.
    /// </summary>
    public async Task HeldAfterPassedAsync()
    {
        await Holding.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(await Eventually.TrueAsync(() => Sent.Count >= PassFirst, TimeSpan.FromSeconds(20)), $"{Sent.Count} of the first {PassFirst} messages written");
    }

    public void Open() => _open.TrySetResult();

    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Increment(ref _entered) > PassFirst)
        {
            _holding.TrySetResult();
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _gaveUp);
                throw;
            }
        }
        if (ThrottleFirstAttempts && _tried.TryAdd(message.Reference, 0)) return DeliveryResult.Temporary("0x00000058", "throttled");
        if (message.BeforeWrite is { } mark) await mark(cancellationToken);
        // The last moment before the first byte: a warning that ended meanwhile sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var id = "c" + message.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Sent.Enqueue(new ClockedSend(message.Reference, message.Address, id, time.GetUtcNow(), message.Text));
        return DeliveryResult.Accepted([id]);
    }

    /// <summary>The gateway reports <paramref name="send"/> delivered now.</summary>
    public void Deliver(ClockedSend send) =>
        _receipts.Writer.TryWrite(new Receipt(send.MessageId, DeliveryStatus.Delivered, "DELIVRD", time.GetUtcNow()));
}

/// <summary>Loudspeakers on the test's clock: every bulletin is taken at once and recorded with its round's time.</summary>
internal sealed class ClockedSpeakers(TimeProvider time) : IAudioBroadcaster
{
    public ChannelDefinition Definition { get; } = new("clocked:speakers", "loudspeakerIp", 0, SupportsReceipts: false, MaxInFlight: 8)
    {
        AudioFormats = [AudioFormat.MuLaw8k],
    };

    public ConcurrentQueue<ClockedSend> Played { get; } = new();

    public ValueTask<DeliveryResult> BroadcastAsync(AudioMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = "p" + message.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Played.Enqueue(new ClockedSend(message.Reference, message.Address, id, time.GetUtcNow()));
        return ValueTask.FromResult(DeliveryResult.Accepted([id]));
    }
}

/// <summary>A bulletin of one second of silence: enough for the engine to hand loudspeakers a clip.</summary>
internal sealed class SilentBulletins : Shared.IBulletinSource
{
    private static readonly Shared.Bulletin Silence = new(
        new AudioClip("silence", TimeSpan.FromSeconds(1), new Dictionary<AudioFormat, ReadOnlyMemory<byte>> { [AudioFormat.MuLaw8k] = new byte[8000] }),
        "请注意");

    public Task<Shared.Bulletin> BulletinAsync(Core.Warnings.WarningRecord warning, CancellationToken cancellationToken) => Task.FromResult(Silence);

    public TimeSpan EstimateLength(Core.Warnings.WarningRecord warning) => Silence.Clip.Duration;
}
