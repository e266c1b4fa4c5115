namespace WarningHub.Abstractions;

/// <summary>
/// The one redaction of personal data in logs, status texts and exports made for operators: a mobile number shows as
/// <c>138****1234</c>, a WeChat openid as <c>oia2****xG8Q</c>. Secrets (passwords, tokens, keys) are never logged at all,
/// masked or not. Every adapter and the hub mask through here, so a reader of any log sees one form.
/// </summary>
public static class PersonalData
{
    /// <summary>A mobile number or other short address: the first three and last four characters, or all stars when shorter than eight.</summary>
    /// <param name="phone">The number; null or empty gives an empty string.</param>
    public static string Phone(string? phone) => Keep(phone, 3, 4);

    /// <summary>A WeChat openid: its first four and last four characters.</summary>
    /// <param name="openId">The openid; null or empty gives an empty string.</param>
    public static string OpenId(string? openId) => Keep(openId, 4, 4);

    private static string Keep(string? value, int start, int end)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value.Length <= start + end) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, start), "****", value.AsSpan(value.Length - end));
    }
}
