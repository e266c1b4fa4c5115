using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Engine.Upstream;

namespace WarningHub.Engine.Tests.Upstream;

public sealed class CapFeedOptionsTests
{
    [Fact]
    public void Validate_ListsEveryProblem_NamingEachSetting()
    {
        var options = new CapFeedOptions
        {
            RequestTimeout = TimeSpan.Zero,
            MaxFeedBytes = 10,
            MaxDocumentBytes = 10,
            RememberedEntries = 1,
            Publisher = " ",
            FeedId = "not an iri",
            MaxPublishedEntries = 0,
            Upstreams =
            [
                new CapUpstreamOptions { Name = "", Url = "file:///etc/passwd", Agency = "", PollInterval = TimeSpan.FromMilliseconds(10), LinkHosts = ["bad host/"] },
                new CapUpstreamOptions { Name = "p", Url = "https://p.example/feed", Agency = "a", AllowedSenders = ["*"] },
                new CapUpstreamOptions { Name = "P", Url = "https://p.example/feed", Agency = "a", AllowedSenders = ["x@y"] },
            ],
        };

        var failures = new CapFeedOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var setting in new[]
        {
            "RequestTimeout", "MaxFeedBytes", "MaxDocumentBytes", "RememberedEntries", "Publisher", "FeedId", "MaxPublishedEntries",
            "Upstreams[0].Name", "Upstreams[0].Url", "Upstreams[0].Agency", "Upstreams[0].PollInterval", "Upstreams[0].AllowedSenders",
            "Upstreams[0].LinkHosts", "'p' is used 2 times",
        })
        {
            Assert.Contains(failures, f => f.Contains(setting, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(14, failures.Count);
    }

    [Fact]
    public void AddCapFeeds_FromConfiguration_BindsEverySetting_AndAMisspeltKeyFails()
    {
        var values = new Dictionary<string, string?>
        {
            ["RequestTimeout"] = "00:00:03",
            ["MaxFeedBytes"] = "4096",
            ["MaxDocumentBytes"] = "2048",
            ["RememberedEntries"] = "100",
            ["Publisher"] = "乐山市应急管理局",
            ["FeedId"] = "urn:test:cap",
            ["MaxPublishedEntries"] = "7",
            ["Upstreams:0:Name"] = "province",
            ["Upstreams:0:Url"] = "https://platform.example/cap.atom",
            ["Upstreams:0:Agency"] = "sichuan-province",
            ["Upstreams:0:PollInterval"] = "00:00:30",
            ["Upstreams:0:AllowedSenders:0"] = "sc.qxj@weather.example",
            ["Upstreams:0:LinkHosts:0"] = "cdn.platform.example",
        };
        using var provider = new ServiceCollection().AddLogging()
            .AddCapFeeds(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();

        var o = provider.GetRequiredService<IOptions<CapFeedOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(3), 4096, 2048, 100, "乐山市应急管理局", "urn:test:cap", 7),
            (o.RequestTimeout, o.MaxFeedBytes, o.MaxDocumentBytes, o.RememberedEntries, o.Publisher, o.FeedId, o.MaxPublishedEntries));
        var u = Assert.Single(o.Upstreams);
        Assert.Equal(("province", "https://platform.example/cap.atom", "sichuan-province", TimeSpan.FromSeconds(30)), (u.Name, u.Url, u.Agency, u.PollInterval));
        Assert.Equal(["sc.qxj@weather.example"], u.AllowedSenders);
        Assert.Equal(["cdn.platform.example"], u.LinkHosts);
        // Every property appears above: a new one without a test value fails here.
        Assert.Equal(8, typeof(CapFeedOptions).GetProperties().Length);
        Assert.Equal(6, typeof(CapUpstreamOptions).GetProperties().Length);

        values["Upstreams:0:PollIntervall"] = "00:00:30";
        using var misspelt = new ServiceCollection().AddLogging()
            .AddCapFeeds(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(() => misspelt.GetRequiredService<IOptions<CapFeedOptions>>().Value);
        Assert.Contains("PollIntervall", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_TakesListedSendersOrAnyWithAStar()
    {
        Assert.True(new CapUpstreamOptions { AllowedSenders = ["a@b"] }.Allows("a@b"));
        Assert.False(new CapUpstreamOptions { AllowedSenders = ["a@b"] }.Allows("A@B"));
        Assert.True(new CapUpstreamOptions { AllowedSenders = ["*"] }.Allows("anyone@x"));
    }
}
