using WarningHub.Channels.Sms.Smpp.Results;

namespace WarningHub.Channels.Sms.Smpp.Tests.Results;

public class CommandStatusTableTests
{
    [Theory]
    [InlineData(0x00u, nameof(StatusClass.Accepted))]
    [InlineData(0x58u, nameof(StatusClass.FlowControl))] // ESME_RTHROTTLED
    [InlineData(0x14u, nameof(StatusClass.FlowControl))] // ESME_RMSGQFUL
    [InlineData(0x08u, nameof(StatusClass.Temporary))] // ESME_RSYSERR
    [InlineData(0x45u, nameof(StatusClass.Temporary))] // ESME_RSUBMITFAIL: generic, so retry within the engine's bounds
    [InlineData(0x64u, nameof(StatusClass.Temporary))] // ESME_RX_T_APPN
    [InlineData(0xFFu, nameof(StatusClass.Temporary))] // ESME_RUNKNOWNERR
    [InlineData(0x0400u, nameof(StatusClass.Temporary))] // vendor-specific
    [InlineData(0x0Bu, nameof(StatusClass.Permanent))] // ESME_RINVDSTADR
    [InlineData(0x0Au, nameof(StatusClass.Permanent))] // ESME_RINVSRCADR
    [InlineData(0x01u, nameof(StatusClass.Permanent))] // ESME_RINVMSGLEN
    [InlineData(0x43u, nameof(StatusClass.Permanent))] // ESME_RINVESMCLASS
    [InlineData(0x51u, nameof(StatusClass.Permanent))] // ESME_RINVDSTNPI
    [InlineData(0x66u, nameof(StatusClass.Permanent))] // ESME_RX_R_APPN
    [InlineData(0xC4u, nameof(StatusClass.Permanent))] // ESME_RINVOPTPARAMVAL
    public void Classify_FollowsTheDocumentedTable(uint status, string expected)
    {
        Assert.Equal(expected, CommandStatusTable.Classify(status).ToString());
    }

    [Fact]
    public void NameOf_GivesSpecificationNamesAndHexForUnknownCodes()
    {
        Assert.Equal("ESME_RTHROTTLED", CommandStatusTable.NameOf(0x58));
        Assert.Equal("0x00000401", CommandStatusTable.NameOf(0x401));
    }
}
