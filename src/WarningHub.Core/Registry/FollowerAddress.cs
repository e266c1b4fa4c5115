namespace WarningHub.Core.Registry;

/// <summary>
/// A WeChat follower's address in the ledger: <c>&lt;account&gt;:&lt;openid&gt;</c>, or the bare openid for a follower
/// of the default account. An openid belongs to the account it follows, so the slot carries the account: retries,
/// receipts, follow-ups and reach all go through the same one. Neither part can hold a colon (openids are letters,
/// digits, '-' and '_'; so are account names, see <see cref="AccountNameProblem"/>), and the WeChat adapter reads the
/// same form.
/// </summary>
public static class FollowerAddress
{
    /// <summary>Separates the account from the openid.</summary>
    public const char Separator = ':';

    /// <summary>The address of <paramref name="openId"/> followed through <paramref name="account"/> (null or empty: the default account).</summary>
    public static string Of(string? account, string openId) =>
        string.IsNullOrEmpty(account) ? openId : account + Separator + openId;

    /// <summary>The account an address names, or null when it names none (the default account).</summary>
    public static string? AccountOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var colon = address.IndexOf(Separator, StringComparison.Ordinal);
        return colon <= 0 ? null : address[..colon];
    }

    /// <summary>Why a name cannot be an account's (it must fit in an address), or null when it can.</summary>
    public static string? AccountNameProblem(string name) =>
        name is { Length: >= 1 and <= 32 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : "is not an account name (1 to 32 letters, digits, '-' or '_')";
}
