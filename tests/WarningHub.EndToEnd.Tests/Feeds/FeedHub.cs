using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Warnings;

namespace WarningHub.EndToEnd.Tests.Feeds;

/// <summary>Settings and waits shared by the feed tests.</summary>
internal static class FeedHub
{
    public const string TvSecret = "jytv-callback-secret-0123";
    public const string UpstreamAgency = "sichuan-province";

    /// <summary>Two pull-only TV channels of different lengths; the first takes on-air confirmations.</summary>
    public static Dictionary<string, string?> TvChannels() => new()
    {
        ["WarningHub:Tv:Channels:0:Name"] = "jytv",
        ["WarningHub:Tv:Channels:0:MaxLength"] = "40",
        ["WarningHub:Tv:Channels:0:CallbackSecret"] = TvSecret,
        ["WarningHub:Tv:Channels:1:Name"] = "cable",
        ["WarningHub:Tv:Channels:1:MaxLength"] = "120",
    };

    public static Dictionary<string, string?> Upstream(Uri feed, string sender = TestHub.Sender) => new()
    {
        ["WarningHub:CapFeeds:RequestTimeout"] = "00:00:01",
        ["WarningHub:CapFeeds:MaxDocumentBytes"] = (64 * 1024).ToString(CultureInfo.InvariantCulture),
        ["WarningHub:CapFeeds:Upstreams:0:Name"] = "province",
        ["WarningHub:CapFeeds:Upstreams:0:Url"] = feed.ToString(),
        ["WarningHub:CapFeeds:Upstreams:0:Agency"] = UpstreamAgency,
        ["WarningHub:CapFeeds:Upstreams:0:PollInterval"] = "00:00:00.500",
        ["WarningHub:CapFeeds:Upstreams:0:AllowedSenders:0"] = sender,
    };

    public static IWarningStore Store(this TestHub hub) => hub.App.Services.GetRequiredService<IWarningStore>();

    /// <summary>Read as the county's operators: upstream warnings belong to the upstream's agency, not to the test's.</summary>
    public static async Task<string> StateOfAsync(this TestHub hub, string publicId)
    {
        using var operators = hub.Client(TestHub.OperatorKey);
        using var response = await operators.WarningAsync(publicId);
        response.EnsureSuccessStatusCode();
        return (await HubApiClient.JsonAsync(response)).GetProperty("state").GetString()!;
    }
}
