using System.Net;
using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Terminals;

public class HeartbeatDatagramTests
{
    private static readonly IPAddress Source = IPAddress.Parse("10.1.2.3");
    private static readonly IpSpeakerOptions Options = new();

    [Fact]
    public void Parse_OfAHeartbeat_FilesItUnderTheSourceAddressAndDeclaredPort()
    {
        var report = Parse("""{"id":"JY-101-03","port":5004,"state":"normal","groups":["239.1.1.1:5004","rtp-multicast://239.2.2.2:6000"]}""");

        Assert.NotNull(report);
        Assert.Equal("rtp://10.1.2.3:5004", report.Key);
        Assert.Equal("JY-101-03", report.TerminalId);
        Assert.Equal(TerminalState.Normal, report.State);
        Assert.Equal(["rtp-multicast://239.1.1.1:5004", "rtp-multicast://239.2.2.2:6000"], report.Groups!);
        Assert.Null(report.PlayId);
    }

    [Fact]
    public void Parse_OfAPlayReport_GivesThePlayIdInLowerCaseAndTheOutcome()
    {
        var report = Parse("""{"id":"t","port":5004,"state":"normal","playId":"1A2B3C4D","played":false,"reason":"amplifier"}""");

        Assert.Equal(("1a2b3c4d", false, "amplifier"), (report!.PlayId, report.Played, report.Reason));
    }

    [Fact]
    public void Parse_WithAnAddressField_UsesItInsteadOfTheSource()
    {
        var report = Parse("""{"id":"t","address":"rtp://192.0.2.77:5006","state":"fault"}""");

        Assert.Equal("rtp://192.0.2.77:5006", report!.Key);
        Assert.Equal(TerminalState.Fault, report.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"port":5004,"state":"normal"}""")]
    [InlineData("""{"id":"t","port":5004,"state":"asleep"}""")]
    [InlineData("""{"id":"t","state":"normal"}""")]
    [InlineData("""{"id":"t","port":70000,"state":"normal"}""")]
    [InlineData("""{"id":"t","address":"rtp-multicast://239.1.1.1:5004","state":"normal"}""")]
    public void Parse_OfSomethingElse_RefusesIt(string text)
    {
        Assert.Null(Parse(text));
    }

    [Fact]
    public void Parse_OfADatagramOver1400Bytes_RefusesIt()
    {
        Assert.Null(Parse("""{"id":"t","port":5004,"state":"normal","reason":" """ + new string('x', 1400) + "\"}"));
    }

    private static TerminalReport? Parse(string text) => HeartbeatDatagram.Parse(Encoding.UTF8.GetBytes(text), Source, Options, out _);
}
