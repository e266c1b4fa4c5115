namespace WarningHub.Channels.WeChat;

/// <summary>
/// Settings of one WeChat official account (公众号) that sends template messages. Checked at start-up by
/// <see cref="WeChatOfficialAccountOptionsValidator"/>.
/// </summary>
public sealed class WeChatOfficialAccountOptions
{
    /// <summary>The account's AppID.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The account's AppSecret. A credential: never logged.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>Where the WeChat API lives; tests point it at the simulator. <value>https://api.weixin.qq.com/.</value></summary>
    public Uri ApiBase { get; set; } = new("https://api.weixin.qq.com/");

    /// <summary>
    /// The Token entered in the account's server configuration (服务器配置), which signs WeChat's calls to our callback
    /// URL. A credential: never logged.
    /// </summary>
    public string CallbackToken { get; set; } = string.Empty;

    /// <summary>
    /// The EncodingAESKey (消息加解密密钥, 43 characters) of the server configuration, for its safe (安全模式) or compatible
    /// (兼容模式) mode: pushes are then decrypted, their <c>msg_signature</c> checked over the encrypted body, and a push
    /// without an encrypted part is refused. Leave it out in plaintext mode (明文模式). A credential: never logged.
    /// <value>None: plaintext mode.</value>
    /// </summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The template used when <see cref="Templates"/> has no entry for a warning.</summary>
    public string DefaultTemplateId { get; set; } = string.Empty;

    /// <summary>
    /// Template ids by warning: the key is <c>event/level</c> (暴雨/红色), <c>event</c> (暴雨) or <c>*/level</c> (*/红色),
    /// tried in that order, from <see cref="WarningHub.Abstractions.MessageFields.Event"/> and
    /// <see cref="WarningHub.Abstractions.MessageFields.Level"/>. <value>Empty: every warning uses the default.</value>
    /// </summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What goes into each data key of the template: template key (<c>keyword1</c>, <c>thing1</c>, <c>time2</c>, ...)
    /// → a pattern of <c>{field}</c> placeholders naming <see cref="WarningHub.Abstractions.TextMessage.Fields"/>
    /// keys, plus <c>{text}</c> (the whole text) and <c>{statusMark}</c> (【测试】 or 【演练】 for Test and Exercise
    /// warnings, empty otherwise). Some shown field must open with <c>{statusMark}</c>. WeChat no longer shows
    /// <c>first</c> and <c>remark</c>: the mark, <c>{headline}</c>, <c>{instruction}</c> and <c>{text}</c> are refused
    /// there. thing and keyword values are cut to 20 characters, character_string to 32, phrase to 5.
    /// Example: <c>keyword1</c> → <c>{statusMark}{headline}</c>, <c>keyword4</c> → <c>{instruction}</c>. One map serves
    /// all templates, which must share their keys.
    /// </summary>
    public Dictionary<string, string> FieldMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The page a recipient opens by tapping the message, with the same placeholders (values URL-encoded), e.g.
    /// <c>https://yj.example.gov.cn/w/{warningId}</c>. <value>None: the message does not open anything.</value>
    /// </summary>
    public string? DetailUrl { get; set; }

    /// <summary>Most template sends per sliding second from this process; never exceeded. <value>100.</value></summary>
    public int RatePerSecond { get; set; } = 100;

    /// <summary>
    /// How long before WeChat's expiry the token is asked for again. stable_token answers the same token until its last
    /// 5 minutes and the next one within them: a margin of at most 5 minutes renews at the first ask, a longer one asks
    /// again (with the shorter expires_in WeChat answers) until it does. <value>5 minutes.</value>
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for one HTTP request. <value>10 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends the engine may have outstanding at once (advertised in the definition). <value>64.</value></summary>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Largest callback body accepted; larger ones are refused unread. <value>16 KiB.</value></summary>
    public int CallbackMaxBytes { get; set; } = 16 * 1024;
}
