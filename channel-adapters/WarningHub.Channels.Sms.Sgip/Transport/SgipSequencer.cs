using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Transport;

/// <summary>
/// Makes Sequence Numbers for one node: its id, the current MMDDhhmmss in the SMG's clock, and a counter shared by
/// every connection of the gateway, so no two Submits of a gateway carry the same number (a Report names its Submit by it).
/// </summary>
internal sealed class SgipSequencer(uint node, TimeProvider time, TimeSpan utcOffset)
{
    private int _counter;

    public uint Node => node;

    public SgipSequence Next()
    {
        var number = (uint)Interlocked.Increment(ref _counter);
        return new SgipSequence(node, SgipSequence.TimeOf(time.GetUtcNow().ToOffset(utcOffset)), number);
    }
}
