using WarningHub.Server;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>Approval rules, scopes, users and webhooks are checked at start-up like every other setting: every mistake named.</summary>
public sealed class GovernanceSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-governance-settings-");

    [Fact]
    public void HubBuild_WithBadApprovalScopeUserAndWebhookSettings_ListsEveryOne()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        settings["WarningHub:Approval:Rules:0:Approvers"] = "3";
        settings["WarningHub:Approval:Rules:1:Levels:0"] = "Purple";
        settings["WarningHub:Approval:Rules:1:Statuses:0"] = "Live";
        settings["WarningHub:Approval:Rules:2:Agency"] = "jingyan-wether";
        settings["WarningHub:Approval:Rules:2:Approvers"] = "2";
        settings["WarningHub:Hub:Agencies:0:Areas:0"] = "5111x4";
        settings["WarningHub:Hub:Agencies:0:Webhook:Url"] = "http://agency.example/hook";
        settings["WarningHub:Hub:Agencies:0:Webhook:Secret"] = "short";
        settings["WarningHub:Hub:Users:MaxFailedSignIns"] = "0";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        foreach (var expected in new[]
        {
            "Rules[0].Approvers must be 0", "'Purple' is not a level", "'Live' is not a CAP status", "Rules[2].Agency: 'jingyan-wether' is no agency",
            "Agencies[0].Areas: '5111x4' is not a division code", "Webhook.Url: 'http://agency.example/hook' must be an absolute https address",
            "Webhook.Secret must be at least 16 characters", "Users.MaxFailedSignIns must be 1..100",
        })
        {
            Assert.Contains(ex.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void HubBuild_WithAMisspeltApprovalKey_NamesIt_InsteadOfFallingBackToTheDefault()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        settings["WarningHub:Approval:Rule:0:Approvers"] = "0";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Approval: Rule", StringComparison.Ordinal) && e.Contains("unknown setting", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
