using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Callbacks;

namespace WarningHub.Channels.WeChat;

/// <summary>The POST side: events, of which TEMPLATESENDJOBFINISH becomes a receipt.</summary>
public sealed partial class WeChatCallback
{
    /// <summary>What WeChat expects back for an event it should not resend.</summary>
    public const string Acknowledgement = "success";

    private const string TemplateSendJobFinish = "TEMPLATESENDJOBFINISH";

    private async ValueTask<WeChatCallbackResponse> HandleEventAsync(IReadOnlyDictionary<string, string?> query, Stream? body,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return WeChatCallbackResponse.Refuse(400, "a body is required");
        }

        var bytes = await ReadLimitedAsync(body, _maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return WeChatCallbackResponse.Refuse(413, "body too large");
        }

        if (!TryParse(bytes, out var fields, out var error))
        {
            _logger.LogWarning("WeChat callback {Account}: refused a signed body: {Error}.", Account, error);
            return WeChatCallbackResponse.Refuse(400, error);
        }

        var encrypted = fields.ContainsKey("Encrypt") || string.Equals(Get(query, "encrypt_type"), "aes", StringComparison.OrdinalIgnoreCase);
        if (encrypted || _crypto is not null)
        {
            // Compatible mode sends the plaintext beside the encrypted part; only the part msg_signature covers counts.
            var opened = Open(query, fields);
            if (opened.Refusal is { } refusal)
            {
                _logger.LogWarning("WeChat callback {Account}: refused an encrypted push: {Error}.", Account, refusal.Body);
                return refusal;
            }

            fields = opened.Fields!;
        }

        if (!string.Equals(Field(fields, "Event"), TemplateSendJobFinish, StringComparison.OrdinalIgnoreCase))
        {
            return WeChatCallbackResponse.Ok(Acknowledgement);
        }

        var msgId = Field(fields, "MsgID") ?? Field(fields, "MsgId");
        var status = Field(fields, "Status");
        if (msgId is not { Length: > 0 } || !msgId.All(char.IsAsciiDigit) || status is not { Length: > 0 })
        {
            return WeChatCallbackResponse.Refuse(400, "TEMPLATESENDJOBFINISH needs a numeric MsgID and a Status");
        }

        var delivered = string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);
        _publish(new Receipt(msgId, delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, status, CreatedAt(fields)));
        if (!delivered)
        {
            _logger.LogDebug("WeChat callback {Account}: template {MsgId} to {OpenId} failed: {Status}.", Account, msgId,
                PersonalData.OpenId(Field(fields, "FromUserName")), status);
        }

        return WeChatCallbackResponse.Ok(Acknowledgement);
    }

    /// <summary>The fields of a body in WeChat's XML or JSON data format.</summary>
    private static bool TryParse(byte[] body, out Dictionary<string, string> fields, out string error) =>
        CallbackJson.LooksLikeJson(body) ? CallbackJson.TryParse(body, out fields, out error) : CallbackXml.TryParse(body, body.Length, out fields, out error);

    /// <summary>The decrypted message's fields, after its msg_signature was checked over the Encrypt field.</summary>
    private (Dictionary<string, string>? Fields, WeChatCallbackResponse? Refusal) Open(IReadOnlyDictionary<string, string?> query,
        Dictionary<string, string> fields)
    {
        if (_crypto is null)
        {
            return (null, WeChatCallbackResponse.Refuse(400,
                "an encrypted push (safe or compatible mode) needs the account's EncodingAesKey in the hub's settings"));
        }

        if (Field(fields, "Encrypt") is not { Length: > 0 } encrypt)
        {
            return (null, WeChatCallbackResponse.Refuse(400,
                "the account is set up for safe or compatible mode (EncodingAesKey), but the push has no Encrypt part"));
        }

        if (!WeChatMessageCrypto.Verify(_token, Get(query, "timestamp")!, Get(query, "nonce")!, encrypt, Get(query, "msg_signature")))
        {
            return (null, WeChatCallbackResponse.Refuse(403, "msg_signature does not match the encrypted body"));
        }

        var message = _crypto.Decrypt(encrypt, out var error);
        if (message is null)
        {
            return (null, WeChatCallbackResponse.Refuse(400, error));
        }

        return TryParse(message, out var inner, out error)
            ? (inner, null)
            : (null, WeChatCallbackResponse.Refuse(400, "the decrypted message: " + error));
    }

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.Trim() : null;

    /// <summary>CreateTime (Unix seconds) when it is a plausible time, otherwise now.</summary>
    private DateTimeOffset CreatedAt(Dictionary<string, string> fields)
    {
        var now = _time.GetUtcNow();
        if (long.TryParse(Field(fields, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 946_684_800 and < 32_503_680_000)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return now;
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer. Every read consumes bytes or ends the stream.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
