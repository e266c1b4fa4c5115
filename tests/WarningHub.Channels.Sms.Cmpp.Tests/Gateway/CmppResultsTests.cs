using WarningHub.Channels.Sms.Cmpp.Gateway;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

public class CmppResultsTests
{
    [Theory]
    [InlineData(0u, nameof(ResultClass.Accepted))]
    [InlineData(8u, nameof(ResultClass.FlowControl))]
    [InlineData(3u, nameof(ResultClass.Temporary))]   // duplicate sequence: a fresh SUBMIT can pass
    [InlineData(1u, nameof(ResultClass.Permanent))]   // message structure error
    [InlineData(7u, nameof(ResultClass.Permanent))]   // Service_Id error
    [InlineData(13u, nameof(ResultClass.Permanent))]  // Dest_terminal_Id error
    [InlineData(14u, nameof(ResultClass.Temporary))]  // "other error": no reason given
    [InlineData(255u, nameof(ResultClass.Temporary))]
    public void SubmitResults_AreClassifiedAsTheSpecificationDescribesThem(uint result, string expected)
    {
        Assert.Equal(expected, CmppResults.ClassifySubmit(result).ToString());
    }

    [Theory]
    [InlineData(2u, "check SourceAddr and SharedSecret of gateway mobile")]
    [InlineData(3u, "check SourceAddr and SharedSecret of gateway mobile")]
    [InlineData(4u, "set Version of gateway mobile to 2")]
    [InlineData(1u, "check Version of gateway mobile")]
    [InlineData(9u, "Status 9")]
    public void RefusedConnects_AreExplainedWithTheSettingsToCheck(uint status, string expected)
    {
        Assert.Contains(expected, CmppResults.ConnectProblem(status, "mobile"), StringComparison.Ordinal);
    }
}
