namespace WarningHub.Abstractions;

/// <summary>One text for one recipient address.</summary>
/// <param name="Reference">Our identifier of the ledger slot; adapters may echo it but must not parse it.</param>
/// <param name="Address">Where to send: a mobile number (digits, national form), an openid, a caption channel.</param>
/// <param name="Text">The whole text, signature included; adapters split it into parts as their protocol needs.</param>
/// <param name="RequestReceipt">Ask the gateway for a delivery receipt.</param>
public sealed record TextMessage(long Reference, string Address, string Text, bool RequestReceipt = true)
{
    /// <summary>
    /// The parts of the warning for adapters that fill structured templates (WeChat template messages, captions);
    /// keys are the <see cref="MessageFields"/> names.
    /// </summary>
    /// <value>Empty unless the engine fills it.</value>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For adapters whose <see cref="ChannelDefinition.ReportsWrites"/> is true: awaited immediately before the first
    /// request of this send attempt is written. It returns once the hub has durably recorded that the message may
    /// leave, so after a crash exactly the messages that may have gone are marked possibly duplicated (guarantee 3).
    /// If it throws, nothing may be written: answer <see cref="DeliveryResult.Temporary"/>.
    /// </summary>
    /// <value>Null when the hub does not ask (tests, tools); then there is nothing to await.</value>
    public Func<CancellationToken, ValueTask>? BeforeWrite { get; init; }

    /// <summary>
    /// Show the text at once on the handset's screen without storing it (闪信, a class 0 message), for a call that must
    /// be seen now, such as an officer's 叫应. SMS adapters send it as SMPP data_coding 0x18 (UCS2, class 0; 0x10 for
    /// the GSM alphabet) or with CMPP Msg_Fmt, SGIP MessageCoding or SMGP MsgFormat 24; other adapters ignore it.
    /// </summary>
    /// <value>False: an ordinary message that stays in the inbox, as every public warning must.</value>
    public bool Flash { get; init; }
}

/// <summary>Well-known keys of <see cref="TextMessage.Fields"/>.</summary>
public static class MessageFields
{
    /// <summary>The warning's headline.</summary>
    public const string Headline = "headline";

    /// <summary>The event (暴雨, 山洪, ...).</summary>
    public const string Event = "event";

    /// <summary>The colour level in Chinese (红色, 橙色, 黄色, 蓝色).</summary>
    public const string Level = "level";

    /// <summary>The area description.</summary>
    public const string Area = "area";

    /// <summary>What people must do.</summary>
    public const string Instruction = "instruction";

    /// <summary>The issuing agency's name.</summary>
    public const string SenderName = "senderName";

    /// <summary>Effective time, Beijing time, "yyyy-MM-dd HH:mm".</summary>
    public const string Effective = "effective";

    /// <summary>Expiry time, Beijing time, "yyyy-MM-dd HH:mm".</summary>
    public const string Expires = "expires";

    /// <summary>CAP status: Actual, Exercise, Test, System.</summary>
    public const string Status = "status";

    /// <summary>The hub's warning id.</summary>
    public const string WarningId = "warningId";

    /// <summary>Mobile numbers to @-mention in an officers' group, comma-separated.</summary>
    public const string MentionedMobiles = "mentionedMobiles";

    /// <summary>The hub's name for a voice call (语音通知): the gateway's result callback brings it back with the outcome.</summary>
    public const string CallId = "callId";
}
