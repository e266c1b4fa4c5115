using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl.Tests.Configuration;

public sealed class TvCrawlOptionsTests
{
    [Fact]
    public void Validate_ListsEveryProblem_NamingEachSetting()
    {
        var options = new TvCrawlOptions
        {
            PushTimeout = TimeSpan.Zero,
            MaxInFlight = 0,
            Channels =
            [
                new TvChannelOptions { Name = "jy tv", MaxLength = 5, PushUrl = "ftp://station.example/", CallbackSecret = "short", Profile = (TvPushProfile)7 },
                new TvChannelOptions { Name = "cable", MaxLength = 60 },
                new TvChannelOptions { Name = "CABLE", MaxLength = 60 },
            ],
        };

        var result = new TvCrawlOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        foreach (var setting in new[]
        {
            nameof(TvCrawlOptions.PushTimeout), nameof(TvCrawlOptions.MaxInFlight), "Channels[0].Name", "Channels[0].MaxLength",
            "Channels[0].PushUrl", "Channels[0].Profile", "Channels[0].CallbackSecret", "'cable' is used 2 times",
        })
        {
            Assert.Contains(failures, f => f.Contains(setting, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(8, failures.Count);
    }

    [Fact]
    public void Validate_SensibleChannels_Pass()
    {
        var options = new TvCrawlOptions
        {
            Channels =
            [
                new TvChannelOptions { Name = "jytv-1", MaxLength = 60, PushUrl = "https://station.example/captions", CallbackSecret = "0123456789abcdef" },
                new TvChannelOptions { Name = "cable_hd", MaxLength = 120 },
            ],
        };

        Assert.True(new TvCrawlOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AddTvCrawl_FromConfiguration_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tv:PushTimeout"] = "00:00:03",
            ["Tv:MaxInFlight"] = "2",
            ["Tv:Channels:0:Name"] = "jytv",
            ["Tv:Channels:0:MaxLength"] = "48",
            ["Tv:Channels:0:PushUrl"] = "http://127.0.0.1:9/captions",
            ["Tv:Channels:0:Profile"] = "HttpJson",
            ["Tv:Channels:0:CallbackSecret"] = "0123456789abcdef",
            ["Tv:Channels:1:Name"] = "cable",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTvCrawl(configuration.GetSection("Tv")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TvCrawlOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(3), options.PushTimeout);
        Assert.Equal(2, options.MaxInFlight);
        Assert.Equal(["jytv", "cable"], options.Channels.Select(c => c.Name));
        var first = options.Channels[0];
        Assert.Equal((48, "http://127.0.0.1:9/captions", TvPushProfile.HttpJson, "0123456789abcdef"), (first.MaxLength, first.PushUrl, first.Profile, first.CallbackSecret));
        // Every property of both option classes appears above: a new one without a test value fails here.
        Assert.Equal(3, typeof(TvCrawlOptions).GetProperties().Length);
        Assert.Equal(5, typeof(TvChannelOptions).GetProperties().Length);
    }

    [Fact]
    public void AddTvCrawl_WithAMisspeltKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:0:Name"] = "jytv",
            ["Channels:0:MaxLenght"] = "48",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTvCrawl(configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<TvCrawlOptions>>().Value);

        Assert.Contains("MaxLenght", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddTvCrawl_RegistersOneAdapterUnderEveryInterface_AndOffersPushChannelsOnlyForPlanning()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddTvCrawl(o => o.Channels.Add(new TvChannelOptions { Name = "jytv", PushUrl = "http://127.0.0.1:9/c" }))
            .AddTvCrawl(o => o.Channels.Add(new TvChannelOptions { Name = "cable" }))
            .BuildServiceProvider();

        var adapter = provider.GetRequiredService<TvCrawlAdapter>();

        Assert.Same(adapter, Assert.Single(provider.GetServices<ITextSender>()));
        Assert.Same(adapter, Assert.Single(provider.GetServices<IReceiptSource>()));
        Assert.Same(adapter, Assert.Single(provider.GetServices<IFixedAddresses>()));
        Assert.Equal("tv", adapter.Definition.Channel);
        Assert.Equal(["jytv"], adapter.Addresses);
        Assert.Equal(2, adapter.Channels.Count);
    }

    [Fact]
    public void AddTvCrawl_WithInvalidOptions_FailsWhenResolved()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddTvCrawl(o => o.Channels.Add(new TvChannelOptions { Name = "", MaxLength = 1 })).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextSender>());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(TvChannelOptions.MaxLength), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(TvChannelOptions.Name), StringComparison.Ordinal));
    }
}
