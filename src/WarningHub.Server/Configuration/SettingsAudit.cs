using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Audit;
using WarningHub.Core.Planning.Policy;

namespace WarningHub.Server.Configuration;

/// <summary>
/// At start-up, one audit row with the settings the hub runs with: every "WarningHub" key and value, secrets
/// replaced by "(set)", the list hashed (SHA-256) so a later change shows, plus the approval rules and the agencies'
/// scopes in words, and the release policy's file and SHA-256 (an edit of config/policy.json changes who gets what, not
/// a setting). No secret and no phone number goes into the row. The log says which policy file the hub uses.
/// </summary>
public sealed partial class SettingsAudit(IConfiguration configuration, IAuditTrail audit, ReleasePolicy policy, ILogger<SettingsAudit> logger) : IHostedService
{
    private static readonly string[] SecretNames = ["ApiKey", "Secret", "Password", "Token", "AesKey", "LinkSecret"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = configuration.GetSection(HubConfiguration.Root);
        var lines = root.AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null)
            .Select(kv => $"{kv.Key}={(IsSecret(kv.Key) ? "(set)" : kv.Value)}").Order(StringComparer.Ordinal).ToList();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        var detail = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"settings sha256 {digest} ({lines.Count} keys)"));
        detail.Append(CultureInfo.InvariantCulture, $"; release policy {policy.Source} sha256 {policy.Sha256} ({policy.Count} rules)");
        LogPolicy(logger, policy.Source, policy.Count, policy.Sha256);
        var rules = lines.Where(l => l.StartsWith("Approval:", StringComparison.Ordinal)).ToList();
        detail.Append("; approval: ").Append(rules.Count == 0 ? "default (two approvers for orange and red Actual)" : string.Join(' ', rules));
        foreach (var line in lines.Where(l => l.StartsWith("Hub:Agencies:", StringComparison.Ordinal) && (l.Contains(":Name=", StringComparison.Ordinal)
            || l.Contains(":Events:", StringComparison.Ordinal) || l.Contains(":Areas:", StringComparison.Ordinal))))
        {
            detail.Append("; ").Append(line);
        }
        await audit.AppendAsync(new AuditEntry("hub", AuditActions.Settings, "start", detail.ToString()), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Release policy {Source}: {Rules} rules, sha256 {Sha256}")]
    private static partial void LogPolicy(ILogger logger, string source, int rules, string sha256);

    private static bool IsSecret(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return SecretNames.Any(s => last.EndsWith(s, StringComparison.OrdinalIgnoreCase)) || key.Contains(":Webhook:Secret", StringComparison.OrdinalIgnoreCase);
    }
}
