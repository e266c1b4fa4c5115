namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// Template keys WeChat still accepts but no longer shows. Since May 2023 an official account's template message shows
/// its title and keyword fields only: <c>first</c> and <c>remark</c> are dropped on WeChat's side, whatever they hold
/// (WeChat's 关于规范公众号模板消息的再次公告; the README cites it). A warning part that must be read — the Test/Exercise
/// mark, the headline, what to do — is therefore refused in them by the options validator.
/// </summary>
internal static class HiddenFields
{
    /// <summary>The keys of legacy templates that WeChat no longer shows.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["first", "remark"];

    /// <summary>Placeholders a follower must see: the Test/Exercise mark, the headline, the instruction, the whole text.</summary>
    public static IReadOnlyList<string> MustBeSeen { get; } = ["statusMark", "headline", "instruction", "text"];

    public static bool IsHidden(string key) => Keys.Contains(key, StringComparer.Ordinal);
}
