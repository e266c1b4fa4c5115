using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Shared;

/// <summary>
/// Signed links for village broadcasters (村广播员): one per warning and village, to play the bulletin and to
/// confirm it was played. The token carries the link's expiry and a signature (HMAC-SHA256, truncated) over the
/// warning, the village and that expiry, so links are unguessable without any table and cannot be prolonged.
/// </summary>
public sealed class BroadcastLinks(IOptions<EngineOptions> options, TimeProvider time)
{
    /// <summary>How long a link outlives its warning: a broadcaster may still confirm a play late that day.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>
    /// When the link of <paramref name="warning"/> stops working: its end (CAP expiry; for a Cancel, a day after its
    /// release, see <see cref="WarningLifecycle.EndOf"/>) plus <see cref="Grace"/>. A warning that states no end at all
    /// (never a disseminated one: intake asks for expires) is given a Cancel's lifetime.
    /// </summary>
    public static DateTimeOffset ExpiryOf(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var released = warning.ReleasedAt ?? warning.ReceivedAt;
        return (WarningLifecycle.EndOf(warning, released) ?? released + WarningLifecycle.CancelLifetime) + Grace;
    }

    public string PathOf(WarningRecord warning, string villageCode)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return PathOf(warning.PublicId, villageCode, ExpiryOf(warning));
    }

    public string PathOf(string warningId, string villageCode, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"/b/{warningId}/{villageCode}/{seconds}-{Sign(warningId, villageCode, seconds)}";
    }

    public string UrlOf(WarningRecord warning, string villageCode) => options.Value.PublicBaseUrl.TrimEnd('/') + PathOf(warning, villageCode);

    /// <summary>What a presented token is worth.</summary>
    public LinkCheck Check(string warningId, string villageCode, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash is < 1 or > 12) return LinkCheck.Invalid;
        var seconds = token[..dash];
        if (!seconds.All(char.IsAsciiDigit) || !long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || unix > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return LinkCheck.Invalid;
        var expected = Encoding.ASCII.GetBytes(Sign(warningId, villageCode, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token[(dash + 1)..]))) return LinkCheck.Invalid;
        return time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(unix) ? LinkCheck.Valid : LinkCheck.Expired;
    }

    private string Sign(string warningId, string villageCode, string expires)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkSecret),
            Encoding.UTF8.GetBytes(warningId + "|" + villageCode + "|" + expires));
        return Convert.ToHexStringLower(mac, 0, 8);
    }
}

/// <summary>The verdict on a broadcaster link's token.</summary>
public enum LinkCheck
{
    /// <summary>Not a token this hub signed for that warning and village (altered, forged, or of another link).</summary>
    Invalid,

    /// <summary>Signed by this hub, but past its expiry.</summary>
    Expired,

    /// <summary>Signed by this hub and not expired.</summary>
    Valid,
}
