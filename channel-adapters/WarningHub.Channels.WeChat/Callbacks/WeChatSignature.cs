using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// The signature WeChat puts on every call to a developer's URL (接入指南): the token, timestamp and nonce sorted
/// lexicographically (ordinal), joined without separators, SHA-1, lower-case hex.
/// </summary>
public static class WeChatSignature
{
    /// <summary>The signature of <paramref name="timestamp"/> and <paramref name="nonce"/> under <paramref name="token"/>.</summary>
    public static string Compute(string token, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        return Convert.ToHexStringLower(Hash(token, timestamp, nonce));
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the signature of the other parameters. The comparison takes the same
    /// time wherever the first difference is, so a forger learns nothing from timing; a value that is not 40 hex
    /// digits is refused.
    /// </summary>
    public static bool Verify(string token, string timestamp, string nonce, string signature)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (timestamp is null || nonce is null || signature is not { Length: 40 } || !signature.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[20];
        Convert.FromHexString(signature, given, out _, out _);
        return CryptographicOperations.FixedTimeEquals(Hash(token, timestamp, nonce), given);
    }

    private static byte[] Hash(string token, string timestamp, string nonce) => Hash([token, timestamp, nonce]);

    /// <summary>The parts sorted (ordinal), joined and hashed: the signature and the msg_signature alike.</summary>
    internal static byte[] Hash(string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        parts = [.. parts];
        Array.Sort(parts, StringComparer.Ordinal);

        // SHA-1 is WeChat's choice for this handshake, not ours; it authenticates, it does not protect a secret at rest.
#pragma warning disable CA5350
        return SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
#pragma warning restore CA5350
    }
}
