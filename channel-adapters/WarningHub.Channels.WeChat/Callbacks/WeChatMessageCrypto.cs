using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// WeChat's message encryption (消息加解密) of the safe (安全模式) and compatible (兼容模式) modes. The AES key is the
/// 43-character EncodingAESKey plus "=" decoded from Base64 (32 bytes); the cipher is AES-256-CBC with the key's first 16
/// bytes as IV, padded PKCS#7-style to a multiple of 32 bytes. The plaintext is 16 random bytes, the message's length
/// (4 bytes, big-endian), the message (UTF-8) and the AppID. <c>msg_signature</c> is the SHA-1 of the token, timestamp,
/// nonce and the Base64 ciphertext, sorted and joined like <see cref="WeChatSignature"/>.
/// </summary>
public sealed class WeChatMessageCrypto
{
    /// <summary>Characters of an EncodingAESKey.</summary>
    public const int EncodingAesKeyLength = 43;

    private const int Block = 32;
    private readonly byte[] _key;
    private readonly byte[] _appId;

    /// <summary>Creates the cipher of one account.</summary>
    /// <param name="encodingAesKey">The account's EncodingAESKey (43 characters of Base64 without its padding).</param>
    /// <param name="appId">The account's AppID, which every message names at its end.</param>
    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        _key = KeyOf(encodingAesKey) ?? throw new ArgumentException("An EncodingAESKey is 43 letters, digits, '+' or '/', decoding to 32 bytes.", nameof(encodingAesKey));
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>The 32-byte AES key of an EncodingAESKey, or null when it is not one.</summary>
    /// <param name="encodingAesKey">The value to decode.</param>
    public static byte[]? KeyOf(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: EncodingAesKeyLength } || !encodingAesKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
        {
            return null;
        }

        var key = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32 ? key[..32] : null;
    }

    /// <summary>The msg_signature of an encrypted message.</summary>
    /// <param name="token">The account's callback token.</param>
    /// <param name="timestamp">The call's timestamp parameter.</param>
    /// <param name="nonce">The call's nonce parameter.</param>
    /// <param name="encrypted">The Base64 ciphertext (the Encrypt field).</param>
    public static string Sign(string token, string timestamp, string nonce, string encrypted) =>
        Convert.ToHexStringLower(WeChatSignature.Hash([token, timestamp, nonce, encrypted]));

    /// <summary>True when <paramref name="signature"/> is the msg_signature of the other parameters; compared in fixed time.</summary>
    /// <param name="token">The account's callback token.</param>
    /// <param name="timestamp">The call's timestamp parameter.</param>
    /// <param name="nonce">The call's nonce parameter.</param>
    /// <param name="encrypted">The Base64 ciphertext (the Encrypt field).</param>
    /// <param name="signature">The msg_signature parameter as received.</param>
    public static bool Verify(string token, string timestamp, string nonce, string encrypted, string? signature)
    {
        if (signature is not { Length: 40 } || !signature.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(WeChatSignature.Hash([token, timestamp, nonce, encrypted]), Convert.FromHexString(signature));
    }

    /// <summary>Decrypts an Encrypt field; null with the reason when it is not a message of this account under this key.</summary>
    /// <param name="encrypted">The Base64 ciphertext.</param>
    /// <param name="error">Why it was refused.</param>
    public byte[]? Decrypt(string encrypted, out string error)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        error = "";
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            error = "Encrypt is not Base64";
            return null;
        }

        if (cipher.Length == 0 || cipher.Length % Block != 0)
        {
            error = "Encrypt is not a whole number of 32-byte blocks";
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > Block || plain.AsSpan(plain.Length - pad).IndexOfAnyExcept(pad) >= 0)
        {
            error = "the decrypted message is not padded as WeChat pads (wrong EncodingAESKey?)";
            return null;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20)
        {
            error = "the decrypted message is too short";
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(16, 4));
        if (length > content.Length - 20)
        {
            error = "the decrypted message's length is wrong (wrong EncodingAESKey?)";
            return null;
        }

        var message = content.Slice(20, (int)length);
        if (!content[(20 + (int)length)..].SequenceEqual(_appId))
        {
            error = "the message is addressed to another AppID";
            return null;
        }

        return message.ToArray();
    }

    /// <summary>Encrypts a message as WeChat does (the simulator and tests use it).</summary>
    /// <param name="message">The plaintext message (XML or JSON).</param>
    /// <param name="random">The 16 random bytes that open the plaintext.</param>
    public string Encrypt(ReadOnlySpan<byte> message, ReadOnlySpan<byte> random)
    {
        if (random.Length != 16)
        {
            throw new ArgumentException("16 random bytes open every message.", nameof(random));
        }

        var length = 20 + message.Length + _appId.Length;
        var pad = Block - (length % Block);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), (uint)message.Length);
        message.CopyTo(plain.AsSpan(20));
        _appId.CopyTo(plain.AsSpan(20 + message.Length));
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }
}
