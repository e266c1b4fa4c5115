using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>What a release preview reads from the gateway: its contracted rate, its binds, and parts as a send makes them.</summary>
public class CmppCapacityTests
{
    [Theory]
    [InlineData(60)] // one part, 65 characters with the signature
    [InlineData(69)] // two: the signature pushes it past 70
    [InlineData(140)]
    public async Task PartsOf_IsWhatTheIsmgReceivesForTheSameText_SignatureIncluded(int characters)
    {
        await using var harness = await IsmgHarness.StartAsync(
            ismg: o => o.SendReports = false,
            gateway: o => (o.Signature, o.RateLimitPerSecond, o.Binds) = ("【县应急】", 200, 2));
        var text = new string('雨', characters);
        var capacity = Assert.IsAssignableFrom<ISendCapacity>(harness.Gateway);

        var result = await harness.Gateway.SendAsync(new TextMessage(7, "13800138000", text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(harness.Ismg.RecordedSubmits.Count, capacity.PartsOf(text));
        Assert.Equal((200, 2), (capacity.PartsPerSecond, capacity.Connections));
    }
}
