using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Signed short links for officers' 叫应: one per warning and officer, opening a page with a 收到 button. The
/// signature (HMAC-SHA256 with <see cref="EngineOptions.LinkSecret"/>, truncated, over a purpose prefix so it can
/// never be mistaken for a broadcaster's link) makes links unguessable without any table. A link opens as long as a
/// cadre's door-to-door link does (<see cref="ValidUntil"/>); answers are taken only while the warning is released.
/// </summary>
public sealed class AcknowledgementLinks(IOptions<EngineOptions> options)
{
    /// <summary>Until when a warning's 叫应 links open: like <see cref="DoorLinks.ValidUntil"/>, its expiry plus 24 h; null when it never expires.</summary>
    public static DateTimeOffset? ValidUntil(WarningRecord warning) => DoorLinks.ValidUntil(warning);

    public string PathOf(string warningId, long officerId) =>
        string.Create(CultureInfo.InvariantCulture, $"/a/{warningId}/{officerId}/{Sign(warningId, officerId)}");

    public string UrlOf(string warningId, long officerId) => options.Value.PublicBaseUrl.TrimEnd('/') + PathOf(warningId, officerId);

    public bool IsValid(string warningId, long officerId, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(warningId, officerId)), Encoding.ASCII.GetBytes(token));

    private string Sign(string warningId, long officerId)
    {
        var data = string.Create(CultureInfo.InvariantCulture, $"ack|{warningId}|{officerId}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkSecret), Encoding.UTF8.GetBytes(data));
        return Convert.ToHexString(mac, 0, 8).ToLowerInvariant();
    }
}
