using WarningHub.Channels.Loudspeaker.Ip.Rtp;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Rtp;

public class PacketScheduleTests
{
    private static readonly TimeSpan Ptime = TimeSpan.FromMilliseconds(20);

    [Theory]
    [InlineData(1_000_000_000L)]
    [InlineData(10_000_000L)]
    [InlineData(3_579_545L)]
    public void DueAt_IsTheStartPlusIndexTimesPacketTime_WithoutDriftAfterTenHours(long frequency)
    {
        var schedule = new PacketSchedule(Start: 5_000, frequency, Ptime, TimeSpan.Zero);
        const long tenHoursOfPackets = 10 * 3600 * 50;

        // Exactly 36 000 s of ticks: an accumulated per-packet rounding error would show here.
        Assert.Equal(5_000 + (36_000 * frequency), schedule.DueAt(tenHoursOfPackets));
        Assert.Equal(5_000 + (frequency / 50), schedule.DueAt(1));
        Assert.Equal(5_000, schedule.DueAt(0));
    }

    [Fact]
    public void DueAt_WithAnOddFrequency_StaysWithinOneTickOfTheExactTime()
    {
        const long frequency = 3_579_545;
        var schedule = new PacketSchedule(0, frequency, Ptime, TimeSpan.Zero);

        for (long k = 0; k < 100_000; k += 997)
        {
            var exact = k * 0.020m * frequency;
            Assert.InRange(schedule.DueAt(k), (long)decimal.Floor(exact), (long)decimal.Ceiling(exact));
        }
    }

    [Fact]
    public void DueAt_WithALeadOf60Ms_SendsFourPacketsAtOnceAndKeepsTheLeadAfterwards()
    {
        var schedule = new PacketSchedule(1_000, 1_000_000, Ptime, TimeSpan.FromMilliseconds(60));

        Assert.Equal(new long[] { 1_000, 1_000, 1_000, 1_000, 21_000, 41_000 }, Enumerable.Range(0, 6).Select(k => schedule.DueAt(k)));
    }
}
