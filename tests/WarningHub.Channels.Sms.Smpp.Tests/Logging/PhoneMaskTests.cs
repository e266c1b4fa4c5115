using WarningHub.Channels.Sms.Smpp.Logging;

namespace WarningHub.Channels.Sms.Smpp.Tests.Logging;

public class PhoneMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("8613812341234", "861****1234")]
    [InlineData("12345", "1****2345")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Mask_KeepsAtMostTheFirstThreeAndLastFourDigits(string address, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(address));
    }
}
