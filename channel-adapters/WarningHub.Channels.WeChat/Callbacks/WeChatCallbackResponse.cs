namespace WarningHub.Channels.WeChat;

/// <summary>What the hub's server sends back to WeChat for one callback.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body: the echostr of a handshake, <c>success</c> for an event, or a short reason for a refusal.</param>
/// <param name="ContentType">Always plain text, so an echoed value is never read as markup.</param>
public readonly record struct WeChatCallbackResponse(int StatusCode, string Body, string ContentType = "text/plain; charset=utf-8")
{
    internal static WeChatCallbackResponse Ok(string body) => new(200, body);

    internal static WeChatCallbackResponse Refuse(int status, string reason) => new(status, reason);
}
