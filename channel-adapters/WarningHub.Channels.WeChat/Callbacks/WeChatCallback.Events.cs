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
        if (string.Equals(Get(query, "encrypt_type"), "aes", StringComparison.OrdinalIgnoreCase))
        {
            return WeChatCallbackResponse.Refuse(400, "encrypted callbacks are not supported; set the account to plaintext mode");
        }

        if (body is null)
        {
            return WeChatCallbackResponse.Refuse(400, "a body is required");
        }

        var bytes = await ReadLimitedAsync(body, _maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return WeChatCallbackResponse.Refuse(413, "body too large");
        }

        if (!CallbackXml.TryParse(bytes, _maxBytes, out var fields, out var error))
        {
            _logger.LogWarning("WeChat callback {Account}: refused a signed body: {Error}.", Account, error);
            return WeChatCallbackResponse.Refuse(400, error);
        }

        if (!fields.ContainsKey("MsgType") && fields.ContainsKey("Encrypt"))
        {
            return WeChatCallbackResponse.Refuse(400, "encrypted callbacks are not supported; set the account to plaintext mode");
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
