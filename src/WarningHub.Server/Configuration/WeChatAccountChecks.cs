using Microsoft.Extensions.Configuration;
using WarningHub.Core.Registry;

namespace WarningHub.Server.Configuration;

/// <summary>
/// What several WeChat accounts ("WarningHub:WeChat:&lt;account&gt;") must agree on. A follower's ledger address names
/// its account and the routing finds the account by that name, so each name must fit in an address and mean one
/// thing: not also an SMS gateway's (Routing:Gateways:&lt;name&gt; and status per gateway would not tell them apart),
/// not the same official account (AppId) configured a second time under another name (its followers would be two
/// people to the hub, and the two would take each other's access_token). Followers that name no account go through
/// the only one, or through the one routed as default.
/// </summary>
internal static class WeChatAccountChecks
{
    /// <param name="root">The "WarningHub" section.</param>
    public static IEnumerable<string> Problems(IConfiguration root)
    {
        var accounts = root.GetSection(ChannelRegistration.WeChatSection).GetChildren().ToList();
        var path = $"{HubConfiguration.Root}:{ChannelRegistration.WeChatSection}";
        foreach (var account in accounts)
        {
            if (FollowerAddress.AccountNameProblem(account.Key) is { } problem) yield return $"{path}:{account.Key}: the name {problem}.";
        }

        var gateways = root.GetSection("Sms").GetChildren().SelectMany(protocol => protocol.GetChildren())
            .ToLookup(g => g.Key, g => g.Path, StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts.Where(a => gateways.Contains(a.Key)))
        {
            yield return $"{path}:{account.Key}: an account of the same name as the SMS gateway {gateways[account.Key].First()}: "
                + "routes and status per gateway go by name; give one of them another.";
        }

        foreach (var same in accounts.Where(a => !string.IsNullOrEmpty(a["AppId"])).GroupBy(a => a["AppId"], StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = same.Select(a => a.Key).ToList();
            yield return $"{path}:{names[1]}: the same account (AppId) as {path}:{names[0]}: one official account is configured once, "
                + "its followers under one name.";
        }

        var defaults = accounts.Where(a => bool.TryParse(root[$"Routing:Gateways:{a.Key}:Default"], out var d) && d).Select(a => a.Key).ToList();
        if (accounts.Count > 1 && defaults.Count != 1)
        {
            yield return $"{path}: {string.Join(", ", accounts.Select(a => a.Key))} are configured; followers whose account is empty in "
                + $"subscribers.csv go through the default one: set {HubConfiguration.Root}:Routing:Gateways:<account>:Default to true for "
                + (defaults.Count == 0 ? "one of them." : $"only one of them (now {string.Join(", ", defaults)}).");
        }
    }
}
