using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Simulators.Cmpp;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Simulator;

public class IsmgMsgIdTests
{
    [Fact]
    public async Task NextMsgId_MoreThanOneSequenceWrapInOneSecond_StaysUniqueAcrossSubmitsAndReports()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 14, 3, 0, 0, TimeSpan.Zero));
        await using var ismg = new IsmgSimulator(new IsmgSimulatorOptions(), time);
        var seen = new HashSet<ulong>();

        // 150,000 of each kind in the same clock second: more than two wraps of one ISMG code's 16-bit sequence.
        for (var i = 0; i < 150_000; i++)
        {
            Assert.True(seen.Add(ismg.NextMsgId()), $"submit id {i} repeated");
            Assert.True(seen.Add(ismg.NextMsgId(forDeliver: true)), $"report id {i} repeated");
        }

        Assert.All(seen.Take(10), id => Assert.Equal(14, new MsgId(id).Day));
    }
}
