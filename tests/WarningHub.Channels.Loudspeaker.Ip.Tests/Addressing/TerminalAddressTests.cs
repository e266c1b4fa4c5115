using WarningHub.Channels.Loudspeaker.Ip.Addressing;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Addressing;

public class TerminalAddressTests
{
    private static readonly IpSpeakerOptions Defaults = new() { ClipBaseUrl = "http://hub.example/clips" };

    [Theory]
    [InlineData("rtp://10.1.2.3:5004", "RtpUnicast", "rtp://10.1.2.3:5004", 0, 1)]
    [InlineData("RTP://10.1.2.3:5004?pt=8", "RtpUnicast", "rtp://10.1.2.3:5004", 8, 1)]
    [InlineData("rtp-multicast://239.1.2.3:5004?ttl=16", "RtpMulticast", "rtp-multicast://239.1.2.3:5004", 0, 16)]
    [InlineData("rtp-multicast://239.1.2.3:5004?ttl=0&pt=8", "RtpMulticast", "rtp-multicast://239.1.2.3:5004", 8, 0)]
    [InlineData("http://10.1.2.3:8080/speaker/", "Http", "http://10.1.2.3:8080/speaker", 0, 0)]
    [InlineData("http://10.1.2.3/api?clip=url", "Http", "http://10.1.2.3/api", 0, 0)]
    public void Parse_OfAValidAddress_GivesItsKindKeyPayloadTypeAndTtl(string text, string kindName, string key, int pt, int ttl)
    {
        var kind = Enum.Parse<TerminalKind>(kindName);
        var address = TerminalAddress.Parse(text, Defaults, out var problem);

        Assert.NotNull(address);
        Assert.Equal(string.Empty, problem);
        Assert.Equal((kind, key, pt), (address.Kind, address.Key, (int)address.PayloadType));
        Assert.Equal(ttl, kind == TerminalKind.Http ? 0 : address.Ttl);
    }

    [Fact]
    public void Parse_OfAnHttpAddressWithClipUrl_ChoosesUrlDelivery()
    {
        Assert.Equal(HttpClipDelivery.Url, TerminalAddress.Parse("http://10.1.2.3/api?clip=url", Defaults, out _)!.ClipDelivery);
        Assert.Equal(HttpClipDelivery.Upload, TerminalAddress.Parse("http://10.1.2.3/api", Defaults, out _)!.ClipDelivery);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.1.2.3:5004")]
    [InlineData("rtp://speaker.local:5004")]
    [InlineData("rtp://10.1.2.3")]
    [InlineData("rtp://239.1.2.3:5004")]
    [InlineData("rtp-multicast://10.1.2.3:5004")]
    [InlineData("rtp://10.1.2.3:5004?pt=9")]
    [InlineData("rtp://10.1.2.3:5004?ttl=3")]
    [InlineData("rtp-multicast://239.1.2.3:5004?ttl=256")]
    [InlineData("http://10.1.2.3/api?clip=ftp")]
    [InlineData("serial:ttyS1#2")]
    public void Parse_OfAnAddressItCannotServe_RefusesWithAReason(string text)
    {
        Assert.Null(TerminalAddress.Parse(text, Defaults, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void Parse_OfClipUrlWithoutAClipBaseUrl_Refuses()
    {
        Assert.Null(TerminalAddress.Parse("http://10.1.2.3/api?clip=url", new IpSpeakerOptions(), out var problem));
        Assert.Contains("ClipBaseUrl", problem, StringComparison.Ordinal);
    }
}
