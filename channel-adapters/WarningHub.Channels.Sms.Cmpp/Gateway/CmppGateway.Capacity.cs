using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;

namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>What a release preview asks before anything is sent: parts per text and the rate they may leave at.</summary>
public sealed partial class CmppGateway : ISendCapacity
{
    /// <inheritdoc />
    public int PartsPerSecond => _options.RateLimitPerSecond;

    /// <inheritdoc />
    public int Connections => _options.Binds;

    /// <inheritdoc />
    /// <remarks>As a send counts them: the signature added, UCS2, 70 characters whole or 67 a part.</remarks>
    public int PartsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ucs2Parts.Count(Signature.Apply(text, _options.Signature));
    }
}
