using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Shared;

/// <summary>
/// Signed links for village broadcasters (村广播员): one per warning and village, to play the bulletin and to
/// confirm it was played. The signature (HMAC-SHA256, truncated) makes links unguessable without any table.
/// </summary>
public sealed class BroadcastLinks(IOptions<EngineOptions> options)
{
    public string PathOf(string warningId, string villageCode) =>
        $"/b/{warningId}/{villageCode}/{Sign(warningId, villageCode)}";

    public string UrlOf(string warningId, string villageCode) => options.Value.PublicBaseUrl.TrimEnd('/') + PathOf(warningId, villageCode);

    public bool IsValid(string warningId, string villageCode, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(warningId, villageCode)), Encoding.ASCII.GetBytes(token));

    private string Sign(string warningId, string villageCode)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkSecret), Encoding.UTF8.GetBytes(warningId + "|" + villageCode));
        return Convert.ToHexString(mac, 0, 8).ToLowerInvariant();
    }
}
