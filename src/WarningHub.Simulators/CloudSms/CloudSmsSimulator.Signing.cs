using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.CloudSms;

public sealed partial class CloudSmsSimulator
{
    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private long _signatureFailures;

    /// <summary>
    /// Checks the signature headers: X-Sms-AccessKeyId, X-Sms-Timestamp (Unix seconds, within AllowedSkew),
    /// X-Sms-Nonce (never seen before) and X-Sms-Signature, the base64 HMAC-SHA256 under the secret of the lines METHOD,
    /// path, sorted query, hex SHA-256 of the body, key id, timestamp and nonce. True when it refused the request.
    /// </summary>
    private async Task<bool> RefuseUnsignedAsync(HttpContext context, byte[] body)
    {
        var headers = context.Request.Headers;
        var keyId = headers["X-Sms-AccessKeyId"].ToString();
        var timestamp = headers["X-Sms-Timestamp"].ToString();
        var nonce = headers["X-Sms-Nonce"].ToString();
        var signature = headers["X-Sms-Signature"].ToString();
        (int Status, string Code, string Message)? refusal = null;
        if (keyId != Options.AccessKeyId)
        {
            refusal = (403, "InvalidAccessKeyId", "Specified access key is not found.");
        }
        else if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(Time.GetUtcNow().ToUnixTimeSeconds() - seconds) > Options.AllowedSkew.TotalSeconds)
        {
            refusal = (400, "InvalidTimestamp", "Specified timestamp is not valid or too far from the server's time.");
        }
        else if (nonce.Length < 8 || !_nonces.TryAdd(nonce, seconds))
        {
            refusal = (400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        else if (!Verify(context.Request, body, keyId, timestamp, nonce, signature))
        {
            refusal = (403, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");
        }

        if (refusal is not { } r) return false;
        Interlocked.Increment(ref _signatureFailures);
        await ErrorAsync(context, r.Status, r.Code, r.Message).ConfigureAwait(false);
        return true;
    }

    private bool Verify(HttpRequest request, byte[] body, string keyId, string timestamp, string nonce, string signature)
    {
        var query = string.Join('&', request.Query.OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString())));
        var canonical = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(request.Path.Value).Append('\n')
            .Append(query).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(body))).Append('\n')
            .Append(keyId).Append('\n')
            .Append(timestamp).Append('\n')
            .Append(nonce).ToString();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.AccessKeySecret), Encoding.UTF8.GetBytes(canonical)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }
}
