using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Shared;

/// <summary>
/// Signed links for door-to-door follow-up (入户通知): one per warning, village and cadre, opening the list of the
/// village's households no channel reached yet. Signed like <see cref="BroadcastLinks"/> (HMAC-SHA256, truncated), with
/// a purpose of its own so that no broadcaster's link can be turned into a cadre's. A link expires
/// <see cref="ValidAfterExpiry"/> after the warning does: cadres keep visiting after the last message.
/// </summary>
public sealed class DoorLinks(IOptions<EngineOptions> options)
{
    public static readonly TimeSpan ValidAfterExpiry = TimeSpan.FromHours(24);

    public string PathOf(string warningId, string villageCode, long cadreId)
    {
        var cadre = cadreId.ToString(CultureInfo.InvariantCulture);
        return $"/d/{warningId}/{villageCode}/{cadre}/{Sign(warningId, villageCode, cadre)}";
    }

    public string UrlOf(string warningId, string villageCode, long cadreId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + PathOf(warningId, villageCode, cadreId);

    public bool IsValid(string warningId, string villageCode, string cadreId, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(warningId, villageCode, cadreId)), Encoding.ASCII.GetBytes(token));

    /// <summary>Until when the warning's links open: its expiry plus <see cref="ValidAfterExpiry"/>; null when it never expires.</summary>
    public static DateTimeOffset? ValidUntil(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Expires + ValidAfterExpiry;
    }

    private string Sign(string warningId, string villageCode, string cadreId)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkSecret),
            Encoding.UTF8.GetBytes("door|" + warningId + "|" + villageCode + "|" + cadreId));
        return Convert.ToHexString(mac, 0, 8).ToLowerInvariant();
    }
}
