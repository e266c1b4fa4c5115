using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.Voice;

/// <summary>
/// How requests and result callbacks are signed, both ways: lower-case hex of HMAC-SHA256, keyed with the gateway's
/// UTF-8 secret, over the UTF-8 bytes of <c>timestamp + "\n" + nonce + "\n"</c> followed by the raw body bytes. The
/// timestamp is Unix seconds, the nonce 32 hex characters; they travel in <see cref="TimestampHeader"/>,
/// <see cref="NonceHeader"/> and <see cref="SignatureHeader"/>.
/// </summary>
public static class VoiceSignature
{
    /// <summary>The header carrying the Unix time in seconds.</summary>
    public const string TimestampHeader = "X-WH-Timestamp";

    /// <summary>The header carrying a nonce used once.</summary>
    public const string NonceHeader = "X-WH-Nonce";

    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "X-WH-Signature";

    /// <summary>The signature of a body sent at <paramref name="timestamp"/> with <paramref name="nonce"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">Unix seconds, as sent.</param>
    /// <param name="nonce">The nonce, as sent.</param>
    /// <param name="body">The body's bytes, exactly as sent.</param>
    public static string Compute(string secret, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        var head = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n");
        var data = new byte[head.Length + body.Length];
        head.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(head.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// <summary>True when <paramref name="signature"/> is the body's signature (compared in constant time).</summary>
    public static bool IsValid(string secret, string timestamp, string nonce, ReadOnlySpan<byte> body, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, nonce, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    /// <summary>A fresh nonce: 16 random bytes in lower-case hex.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Unix seconds of <paramref name="at"/>, as the timestamp header carries them.</summary>
    public static string TimestampOf(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
