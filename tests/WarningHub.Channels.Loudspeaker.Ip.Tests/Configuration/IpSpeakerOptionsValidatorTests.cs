namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Configuration;

public class IpSpeakerOptionsValidatorTests
{
    private readonly IpSpeakerOptionsValidator _validator = new();

    [Fact]
    public void Validate_OfTheDefaults_Succeeds()
    {
        Assert.True(_validator.Validate("county", new IpSpeakerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OfEverythingWrong_NamesEveryPropertyAtOnce()
    {
        var options = new IpSpeakerOptions
        {
            LocalAddress = "somewhere",
            MulticastInterface = "::1",
            HeartbeatPort = 70000,
            MaxConcurrentStreams = 0,
            DefaultMulticastTtl = 300,
            DefaultPayloadType = 3,
            PacketTime = TimeSpan.FromMilliseconds(20.5),
            JitterBufferLead = TimeSpan.FromSeconds(-1),
            OfflineAfter = TimeSpan.Zero,
            HttpTimeout = TimeSpan.Zero,
            HttpStatusTimeout = TimeSpan.FromSeconds(-1),
            HttpStatusPollInterval = TimeSpan.Zero,
            PlayConfirmationGrace = TimeSpan.Zero,
            HttpClipDelivery = (HttpClipDelivery)7,
            ClipBaseUrl = "ftp://hub/clips",
        };

        var result = _validator.Validate("county", options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        foreach (var property in typeof(IpSpeakerOptions).GetProperties())
        {
            Assert.Contains(failures, f => f.Contains($"'county': {property.Name} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_OfUrlDeliveryWithoutAClipBaseUrl_NamesClipBaseUrl()
    {
        var result = _validator.Validate("county", new IpSpeakerOptions { HttpClipDelivery = HttpClipDelivery.Url });

        Assert.Contains(result.Failures!, f => f.Contains(nameof(IpSpeakerOptions.ClipBaseUrl), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(60)]
    public void Validate_OfAWholeMillisecondPacketTime_Succeeds(int ms)
    {
        Assert.True(_validator.Validate("county", new IpSpeakerOptions { PacketTime = TimeSpan.FromMilliseconds(ms) }).Succeeded);
    }
}
