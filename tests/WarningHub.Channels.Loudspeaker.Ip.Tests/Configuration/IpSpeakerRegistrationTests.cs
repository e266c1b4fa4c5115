using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Configuration;

public class IpSpeakerRegistrationTests
{
    [Fact]
    public void AddIpLoudspeakerChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        var values = new Dictionary<string, string?>();
        var defaults = new IpSpeakerOptions();
        foreach (var property in typeof(IpSpeakerOptions).GetProperties())
        {
            values["Speakers:County:" + property.Name] = property.PropertyType switch
            {
                var t when t == typeof(string) && property.Name.EndsWith("Url", StringComparison.Ordinal) => "http://hub.example/clips",
                var t when t == typeof(string) => "10.0.0." + property.Name.Length.ToString(CultureInfo.InvariantCulture),
                var t when t == typeof(int) => "8",
                var t when t == typeof(TimeSpan) => "00:00:00.0400000",
                var t when t == typeof(HttpClipDelivery) => nameof(HttpClipDelivery.Url),
                var t => throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}."),
            };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddIpLoudspeakerChannel("county", configuration.GetSection("Speakers:County")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>().Get("county");
        foreach (var property in typeof(IpSpeakerOptions).GetProperties())
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Speakers:County:" + property.Name], Convert.ToString(property.GetValue(bound), CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Fact]
    public void AddIpLoudspeakerChannel_FromConfiguration_WithAMisspeltKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HeartbeatPort"] = "5110",
            ["OflineAfter"] = "00:01:00",
        }).Build();
        using var provider = new ServiceCollection().AddIpLoudspeakerChannel("county", configuration).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>().Get("county"));
        Assert.Contains("OflineAfter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIpLoudspeakerChannel_WithInvalidOptions_FailsAtStartWithTheProperty()
    {
        var services = new ServiceCollection().AddIpLoudspeakerChannel("county", o => o.HeartbeatPort = -1);
        using var provider = services.BuildServiceProvider();

        var validators = provider.GetRequiredService<IEnumerable<IValidateOptions<IpSpeakerOptions>>>();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>().Get("county"));
        Assert.Single(validators);
        Assert.Contains(nameof(IpSpeakerOptions.HeartbeatPort), error.Message, StringComparison.Ordinal);
        Assert.Contains(services, d => d.ServiceType == typeof(IStartupValidator));
    }

    [Fact]
    public async Task AddIpLoudspeakerChannel_ForTwoNetworks_RegistersBothUnderEveryInterfaceAndOneValidator()
    {
        var services = new ServiceCollection()
            .AddIpLoudspeakerChannel("east", o => o.HeartbeatPort = 0)
            .AddIpLoudspeakerChannel("west", o => o.HeartbeatPort = 0)
            .AddIpLoudspeakerChannel("west", o => o.OfflineAfter = TimeSpan.FromSeconds(9));
        await using var provider = services.BuildServiceProvider();

        var names = provider.GetServices<IAudioBroadcaster>().Select(a => a.Definition.Name).ToList();
        Assert.Equal(["ip-speaker:east", "ip-speaker:west"], names);
        Assert.Equal(2, provider.GetServices<ITerminalMonitor>().Count());
        Assert.Equal(2, provider.GetServices<IReceiptSource>().Count());
        Assert.Equal(2, provider.GetServices<IChannelLifecycle>().Count());
        Assert.Single(provider.GetServices<IValidateOptions<IpSpeakerOptions>>());
        Assert.Equal(TimeSpan.FromSeconds(9), provider.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>().Get("west").OfflineAfter);
    }

    [Fact]
    public async Task Definition_SaysChannelLoudspeakerIpWithReceiptsAndTheThreeAudioFormats()
    {
        await using var channel = new IpSpeakerChannel("county", new IpSpeakerOptions { MaxConcurrentStreams = 300 });

        Assert.Equal("ip-speaker:county", channel.Definition.Name);
        Assert.Equal("loudspeakerIp", channel.Definition.Channel);
        Assert.True(channel.Definition.SupportsReceipts);
        Assert.Equal(300, channel.Definition.MaxInFlight);
        Assert.Equal([AudioFormat.MuLaw8k, AudioFormat.ALaw8k, AudioFormat.WavPcm16k], channel.Definition.AudioFormats);
        Assert.Equal(typeof(IpSpeakerOptions).GetProperties().Select(p => p.Name).Order(), channel.Definition.Settings.Keys.Order());
    }
}
