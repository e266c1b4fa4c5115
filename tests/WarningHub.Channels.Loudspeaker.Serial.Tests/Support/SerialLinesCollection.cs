namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

/// <summary>
/// Tests over pty pairs run one at a time: each opens several serial ports whose I/O threads, socat processes and
/// simulators compete for two cores, and the protocol's timeouts are real time. Run side by side they measured the
/// machine's load rather than the adapter.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialLinesCollection
{
    public const string Name = "serial lines";
}
