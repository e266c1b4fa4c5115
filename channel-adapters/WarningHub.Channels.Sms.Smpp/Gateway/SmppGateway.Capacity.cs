using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smpp;

/// <summary>What a release preview asks before anything is sent: parts per text and the rate they may leave at.</summary>
public sealed partial class SmppGateway : ISendCapacity
{
    /// <inheritdoc />
    public int PartsPerSecond => _options.RateLimitPerSecond;

    /// <inheritdoc />
    public int Connections => _options.Binds;

    /// <inheritdoc />
    /// <remarks>The rate limiter counts submit_sm PDUs: a text sent whole in message_payload is one.</remarks>
    public int PartsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segmented = _parts.Segment(text);
        return _options.UseMessagePayload ? 1 : segmented.Segments.Count;
    }
}
