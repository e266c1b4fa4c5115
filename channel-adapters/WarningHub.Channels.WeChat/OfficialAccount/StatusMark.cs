using WarningHub.Abstractions;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// The visible mark of a warning that is not real: 【测试】 for CAP status Test, 【演练】 for Exercise. Routing keeps test
/// warnings away from the public; the mark makes sure that whoever does see one (officers, testers) cannot take it for
/// a real warning.
/// </summary>
internal static class StatusMark
{
    public const string Test = "【测试】";
    public const string Exercise = "【演练】";

    public static string For(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue(MessageFields.Status, out var status) ? For(status) : string.Empty;

    public static string For(string? status) => status?.Trim() switch
    {
        var s when string.Equals(s, "Test", StringComparison.OrdinalIgnoreCase) => Test,
        var s when string.Equals(s, "Exercise", StringComparison.OrdinalIgnoreCase) => Exercise,
        _ => string.Empty,
    };
}
