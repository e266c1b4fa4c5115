namespace WarningHub.Abstractions;

/// <summary>What an adapter says about itself.</summary>
/// <param name="Name">The adapter instance's name, unique in the hub (for example <c>smpp:mobile</c>).</param>
/// <param name="Channel">The ledger channel it serves (for example <c>sms</c>).</param>
/// <param name="MaxTextLength">The longest text it accepts, in characters, parts included.</param>
/// <param name="SupportsReceipts">Whether it reports delivery receipts.</param>
/// <param name="MaxInFlight">How many sends may be outstanding at once (the protocol window over all connections).</param>
public sealed record ChannelDefinition(
    string Name,
    string Channel,
    int MaxTextLength,
    bool SupportsReceipts,
    int MaxInFlight)
{
    /// <summary>Audio encodings the adapter can play, best first.</summary>
    /// <value>Empty for text channels.</value>
    public IReadOnlyList<AudioFormat> AudioFormats { get; init; } = [];

    /// <summary>
    /// Whether the adapter awaits <see cref="TextMessage.BeforeWrite"/> before writing each message. If not, the hub
    /// records a message as possibly gone as soon as it hands it over, which over-counts possible duplicates.
    /// </summary>
    /// <value>False by default.</value>
    public bool ReportsWrites { get; init; }

    /// <summary>Settings the adapter reads, with a one-line description each.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
