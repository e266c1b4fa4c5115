using WarningHub.Server;

namespace WarningHub.EndToEnd.Tests.Feeds;

public sealed class FeedSettingsTests
{
    [Fact]
    public void HubBuild_WithInvalidAndMisspeltTvAndCapFeedSettings_ReportsEveryOneBeforeStarting()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-feedsettings-");
        try
        {
            var settings = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            settings["WarningHub:Tv:Channels:0:Name"] = "jy tv";
            settings["WarningHub:Tv:Channels:0:MaxLength"] = "5";
            settings["WarningHub:Tv:Channels:1:Name"] = "cable";
            settings["WarningHub:Tv:Channels:1:MaxLenght"] = "60";
            settings["WarningHub:CapFeeds:Upstreams:0:Name"] = "province";
            settings["WarningHub:CapFeeds:Upstreams:0:Url"] = "ftp://platform.example/feed";

            var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Tv:", StringComparison.Ordinal) && e.Contains("MaxLenght", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:CapFeeds:", StringComparison.Ordinal) && e.Contains("Upstreams[0].Url", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains("Upstreams[0].Agency", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains("Upstreams[0].AllowedSenders", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void HubBuild_WithAnInvalidTvChannel_NamesEachChannelSetting()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-feedsettings-");
        try
        {
            var settings = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            settings["WarningHub:Tv:Channels:0:Name"] = "jy tv";
            settings["WarningHub:Tv:Channels:0:MaxLength"] = "5";

            var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Tv:", StringComparison.Ordinal) && e.Contains("Channels[0].Name", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Tv:", StringComparison.Ordinal) && e.Contains("Channels[0].MaxLength", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
