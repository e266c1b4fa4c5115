using System.Net;
using Microsoft.Extensions.Configuration;

namespace WarningHub.Server.Configuration;

/// <summary>
/// Refuses to serve beyond this machine while a credential still has the value the shipped files and README show
/// (<c>replace-me…</c>, <c>secret</c>): anyone who read them could submit a warning or forge a broadcaster's "played".
/// On loopback (the default, the demo, tests) the samples are harmless and allowed.
/// </summary>
public static class SampleSecrets
{
    /// <summary>
    /// Settings that are credentials, as paths under "WarningHub" with <c>*</c> for one level of names (an agency's
    /// index, a gateway's or account's name): agency keys and webhook secrets, the link secret, WeChat and WeCom secrets, gateway passwords, voice gateways' secrets and keys.
    /// </summary>
    private static readonly string[] CredentialPaths =
    [
        "Hub:Agencies:*:ApiKey",
        "Hub:Agencies:*:Webhook:Secret",
        "Engine:LinkSecret",
        "Sms:Smpp:*:Password",
        "Sms:Cmpp:*:SharedSecret",
        "Sms:Sgip:*:LoginPassword",
        "Sms:Sgip:*:SmgLoginPassword",
        "Sms:Smgp:*:SharedSecret",
        "Sms:Http:*:Password",
        "Sms:Http:*:ApiKey",
        "Sms:Http:*:AccessKeySecret",
        "Sms:Http:*:CallbackToken",
        "WeChat:*:AppSecret",
        "WeChat:*:CallbackToken",
        "WeChat:*:EncodingAesKey",
        "WeCom:Robots:*",
        "Tv:Channels:*:CallbackSecret",
        "Voice:*:Secret",
        "Voice:*:ApiKey",
    ];

    /// <summary>True for a value copied from the shipped samples: it starts with "replace-me" (or "replaceme"), or is "secret".</summary>
    public static bool IsSample(string? value)
    {
        var v = value?.Trim() ?? "";
        return v.StartsWith("replace-me", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("replaceme", StringComparison.OrdinalIgnoreCase)
            || v.Equals("secret", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// One error per credential setting that still has a sample value, when any address the hub listens on is not
    /// loopback; none otherwise.
    /// </summary>
    /// <param name="configuration">The hub's whole configuration (its "urls" and the "WarningHub" tree).</param>
    public static IReadOnlyList<string> Errors(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var exposed = ListenAddresses(configuration).Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0) return [];
        var root = configuration.GetSection(HubConfiguration.Root);
        return [.. CredentialPaths.SelectMany(p => Matching(root, p.Split(':')))
            .Where(s => IsSample(s.Value))
            .Select(s => $"{s.Path}: still has a sample value; set a secret of your own (for example by environment variable) "
                + $"before serving on {exposed[0]}, which is not a loopback address.")];
    }

    /// <summary>Where the hub will listen: "urls" (--urls, ASPNETCORE_URLS), the port shorthands and Kestrel endpoints.</summary>
    public static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return url;
        // ASPNETCORE_HTTP_PORTS and HTTPS_PORTS listen on every interface.
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return $"http://*:{port}";
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url) yield return url;
        }
    }

    /// <summary>localhost, 127.0.0.0/8 and ::1; wildcards (*, +, 0.0.0.0, [::]) and every other host are not.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? authority : authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    private static IEnumerable<IConfigurationSection> Matching(IConfigurationSection section, string[] parts)
    {
        if (parts.Length == 0)
        {
            yield return section;
            yield break;
        }
        var children = parts[0] == "*"
            ? section.GetChildren()
            : section.GetChildren().Where(c => c.Key.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        foreach (var child in children)
        {
            foreach (var match in Matching(child, parts[1..])) yield return match;
        }
    }
}
