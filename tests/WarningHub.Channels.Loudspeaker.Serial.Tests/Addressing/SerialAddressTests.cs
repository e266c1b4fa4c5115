using WarningHub.Channels.Loudspeaker.Serial.Addressing;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Addressing;

public class SerialAddressTests
{
    [Theory]
    [InlineData("serial:village", "village", null, null)]
    [InlineData("serial:qianfo-3#2/5", "qianfo-3", 2, 5)]
    [InlineData("serial:ttyS1#2", "ttyS1", null, 2)]
    [InlineData("SERIAL:a.b_c#247/65535", "a.b_c", 247, 65535)]
    public void TryParse_ValidForms_GivePortSlaveAndCoil(string text, string port, int? slave, int? coil)
    {
        Assert.True(SerialAddress.TryParse(text, out var address, out var problem), problem);

        Assert.Equal(new SerialAddress(port, slave, coil), address);
    }

    [Theory]
    [InlineData("rtp://10.1.2.3:5004", "serial:")]
    [InlineData("serial:", "port name")]
    [InlineData("serial:/dev/ttyS1", "port name")]
    [InlineData("serial:village#0/1", "slave")]
    [InlineData("serial:village#248/1", "slave")]
    [InlineData("serial:village#1/65536", "coil")]
    [InlineData("serial:village#", "coil")]
    [InlineData("serial:village#1/-2", "coil")]
    [InlineData("serial:village#+1", "coil")]
    public void TryParse_InvalidForms_SayWhatIsWrong(string text, string expectedProblem)
    {
        Assert.False(SerialAddress.TryParse(text, out var address, out var problem));

        Assert.Null(address);
        Assert.Contains(expectedProblem, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTripsTheFullForm()
    {
        Assert.Equal("serial:village#2/5", new SerialAddress("village", 2, 5).ToString());
        Assert.Equal("serial:village", new SerialAddress("village", null, null).ToString());
    }
}
