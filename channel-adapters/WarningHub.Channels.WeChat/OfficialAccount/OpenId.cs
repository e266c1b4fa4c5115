namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// openids are 28 characters of letters, digits, '-' and '_' today; the check is looser (1 to 64 of those) so a change
/// of length at WeChat does not stop sends, while a mobile number or a name in the address field is caught before it
/// leaves.
/// </summary>
internal static class OpenId
{
    public static bool IsPlausible(string? address) =>
        address is { Length: >= 1 and <= 64 } && address.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && !address.All(char.IsAsciiDigit);
}
