namespace WarningHub.Simulators.WeChat;

/// <summary>A template message the simulator accepted.</summary>
/// <param name="MsgId">The msgid it answered with.</param>
/// <param name="OpenId">touser.</param>
/// <param name="TemplateId">template_id.</param>
/// <param name="Url">url, when given.</param>
/// <param name="Data">Each data key's value.</param>
/// <param name="RawBody">The request body exactly as it arrived.</param>
/// <param name="At">When it arrived, by the simulator's clock.</param>
public sealed record SimulatedTemplateMessage(
    long MsgId, string OpenId, string TemplateId, string? Url, IReadOnlyDictionary<string, string> Data, string RawBody, DateTimeOffset At)
{
    /// <summary>client_msg_id, when the send carried one.</summary>
    public string? ClientMsgId { get; init; }
}

/// <summary>A group-robot message the simulator accepted.</summary>
/// <param name="Key">The robot's key.</param>
/// <param name="MsgType">text or markdown.</param>
/// <param name="Content">The content.</param>
/// <param name="MentionedMobiles">mentioned_mobile_list.</param>
/// <param name="RawBody">The request body exactly as it arrived.</param>
/// <param name="At">When it arrived, by the simulator's clock.</param>
public sealed record SimulatedRobotMessage(
    string Key, string MsgType, string Content, IReadOnlyList<string> MentionedMobiles, string RawBody, DateTimeOffset At);

/// <summary>A TEMPLATESENDJOBFINISH event the simulator posted.</summary>
/// <param name="MsgId">The message it reports.</param>
/// <param name="Status">success, failed:user block or failed: system failed.</param>
/// <param name="HttpStatus">What the callback URL answered (0: no answer).</param>
/// <param name="Body">What it answered.</param>
public sealed record SimulatedEvent(long MsgId, string Status, int HttpStatus, string Body);
