using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Tests.Transport;

public class PendingRequestTests
{
    [Fact]
    public async Task Fail_BeforeTheWriterTookIt_SaysItNeverLeft_AndTheWriterThenSkipsIt()
    {
        var pending = new PendingRequest(CommandId.SubmitSm, 1, 0);

        pending.Fail(timedOut: true);

        Assert.False(pending.TryMarkWritten());
        Assert.Equal(ResponseFailure.TimedOutBeforeWrite, (await pending.Response).Failure);
    }

    [Theory]
    [InlineData(true, nameof(ResponseFailure.TimedOutAfterWrite))]
    [InlineData(false, nameof(ResponseFailure.LostAfterWrite))]
    public async Task Fail_AfterItWasWritten_SaysTheOutcomeIsUnknown(bool timedOut, string expected)
    {
        var pending = new PendingRequest(CommandId.SubmitSm, 1, 0);
        Assert.True(pending.TryMarkWritten());

        pending.Fail(timedOut);

        Assert.Equal(expected, (await pending.Response).Failure.ToString());
    }

    [Fact]
    public async Task Complete_ThenALateTimeout_KeepsTheResponse()
    {
        var pending = new PendingRequest(CommandId.SubmitSm, 1, 0);
        pending.TryMarkWritten();

        pending.Complete(new PduResponse(CommandStatus.Ok, "42"));
        pending.Fail(timedOut: true);

        Assert.Equal(new PduResponse(CommandStatus.Ok, "42"), await pending.Response);
    }
}
