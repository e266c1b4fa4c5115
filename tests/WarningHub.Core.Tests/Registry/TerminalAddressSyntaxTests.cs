using WarningHub.Core.Planning;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class TerminalAddressSyntaxTests
{
    [Theory]
    [InlineData(Channels.LoudspeakerIp, "rtp://10.1.2.3:5004")]
    [InlineData(Channels.LoudspeakerIp, "rtp://10.1.2.3:5004?pt=8")]
    [InlineData(Channels.LoudspeakerIp, "rtp-multicast://239.1.2.3:5004?ttl=4&pt=0")]
    [InlineData(Channels.LoudspeakerIp, "http://10.1.2.3:8080/speaker")]
    [InlineData(Channels.LoudspeakerIp, "https://speaker.example/api?clip=url")]
    [InlineData(Channels.LoudspeakerSerial, "serial:ttyS1")]
    [InlineData(Channels.LoudspeakerSerial, "serial:tts1#2")]
    [InlineData(Channels.LoudspeakerSerial, "SERIAL:tts_1.a-b#247/65535")]
    public void Problem_AddressTheAdapterAccepts_IsNull(string channel, string address) =>
        Assert.Null(TerminalAddressSyntax.Problem(channel, address));

    [Theory]
    [InlineData(Channels.LoudspeakerIp, "10.1.2.3:5004", "is not a URI")]
    [InlineData(Channels.LoudspeakerIp, "rtp://speaker.local:5004", "needs an IPv4 address")]
    [InlineData(Channels.LoudspeakerIp, "rtp://239.1.2.3:5004", "is a multicast group")]
    [InlineData(Channels.LoudspeakerIp, "rtp-multicast://10.1.2.3:5004", "needs a multicast group")]
    [InlineData(Channels.LoudspeakerIp, "rtp://10.1.2.3", "needs an explicit port")]
    [InlineData(Channels.LoudspeakerIp, "rtp://10.1.2.3:5004?pt=9", "'pt=9'")]
    [InlineData(Channels.LoudspeakerIp, "rtp://10.1.2.3:5004?ttl=4", "'ttl=4'")]
    [InlineData(Channels.LoudspeakerIp, "http://10.1.2.3/speaker?clip=stream", "'clip=stream'")]
    [InlineData(Channels.LoudspeakerIp, "ftp://10.1.2.3/", "scheme 'ftp'")]
    [InlineData(Channels.LoudspeakerSerial, "rtp://10.1.2.3:5004", "does not start with 'serial:'")]
    [InlineData(Channels.LoudspeakerSerial, "serial:/dev/ttyS1", "no valid port name")]
    [InlineData(Channels.LoudspeakerSerial, "serial:tts1#0/2", "slave outside 1-247")]
    [InlineData(Channels.LoudspeakerSerial, "serial:tts1#65536", "coil outside 0-65535")]
    [InlineData(Channels.LoudspeakerSerial, "serial:tts1#", "coil outside 0-65535")]
    [InlineData(Channels.Sms, "13800138000", "does not play terminals")]
    public void Problem_MalformedAddress_SaysWhy(string channel, string address, string expected) =>
        Assert.Contains(expected, TerminalAddressSyntax.Problem(channel, address), StringComparison.Ordinal);

    [Theory]
    [InlineData("loudspeakerip", Channels.LoudspeakerIp)]
    [InlineData(" LoudspeakerSerial ", Channels.LoudspeakerSerial)]
    [InlineData("sms", null)]
    [InlineData("", null)]
    public void Channel_IsMatchedInAnyCase(string text, string? expected) =>
        Assert.Equal(expected, TerminalAddressSyntax.Channel(text));
}
