using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>
/// The Cloud profile's request signature (README.md, "Cloud request signing"): the canonical request is the lines
/// METHOD, path, canonical query (parameters sorted by name, RFC 3986 encoded, joined by &amp;), lowercase hex SHA-256
/// of the body, AccessKeyId, timestamp (Unix seconds) and nonce, joined by a line feed; the signature is the base64 of
/// its HMAC-SHA256 under the AccessKey secret.
/// </summary>
internal static class CloudSigning
{
    public const string KeyIdHeader = "X-Sms-AccessKeyId";
    public const string TimestampHeader = "X-Sms-Timestamp";
    public const string NonceHeader = "X-Sms-Nonce";
    public const string SignatureHeader = "X-Sms-Signature";

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static string Canonical(string method, string path, string canonicalQuery, ReadOnlySpan<byte> body, string keyId, string timestamp, string nonce) =>
        string.Join('\n', method, path, canonicalQuery, Convert.ToHexStringLower(SHA256.HashData(body)), keyId, timestamp, nonce);

    public static string Sign(string secret, string canonical) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));

    public static string Nonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
