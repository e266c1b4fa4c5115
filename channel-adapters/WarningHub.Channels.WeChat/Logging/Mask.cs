namespace WarningHub.Channels.WeChat.Logging;

/// <summary>
/// openids and mobile numbers identify people: logs show <c>oia2****xG8Q</c> and <c>138****1234</c>, never the whole
/// value. Secrets (AppSecret, access_token, robot keys) are never logged at all, masked or not.
/// </summary>
internal static class Mask
{
    public static string OpenId(string? openId) => Keep(openId, 4, 4);

    public static string Mobile(string? mobile) => Keep(mobile, 3, 4);

    private static string Keep(string? value, int start, int end)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= start + end)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, start), "****", value.AsSpan(value.Length - end));
    }
}
