using WarningHub.FaultBattery;
using WarningHub.FaultBattery.Carriers;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>The carrier battery's per-phone count from the simulators' records: it decides pass or fail, so it is checked on its own.</summary>
public sealed class SubmitTallyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_ReadsTheConcatenationHeader_With8And16BitReferences_AndDropsTheCountryCode()
    {
        var eight = SubmitRecord.From("8613800000001", true, 1, [0x05, 0x00, 0x03, 0x2A, 0x03, 0x02, 0x4E, 0x00], T0);
        var sixteen = SubmitRecord.From("13800000001", true, 1, [0x06, 0x08, 0x04, 0x01, 0x02, 0x03, 0x01, 0x4E, 0x00], T0);
        var single = SubmitRecord.From("13800000001", false, 0, [0x05, 0x00, 0x03, 0x2A, 0x03, 0x02], T0);

        Assert.Equal(new SubmitRecord("13800000001", true, 0x2A, 3, 2, T0), eight);
        Assert.Equal(new SubmitRecord("13800000001", true, 0x0102, 3, 1, T0), sixteen);
        Assert.Equal(new SubmitRecord("13800000001", false, -1, 1, 1, T0), single);
    }

    [Fact]
    public void Received_CountsWholeMessages_FragmentsAndRepeats_FromAcceptedPartsOnly()
    {
        SubmitRecord Part(string phone, int reference, int seq, bool accepted = true) => new(phone, accepted, reference, 3, seq, T0);
        var received = SubmitTally.Received(
        [
            Part("1", 7, 1), Part("1", 7, 2), Part("1", 7, 3), // whole
            Part("2", 8, 1), Part("2", 8, 2), Part("2", 8, 3, accepted: false), // a part refused: a fragment
            Part("3", 9, 1), Part("3", 9, 2), Part("3", 9, 3), Part("3", 9, 2), // a part twice
            Part("4", 1, 1), Part("4", 1, 2), Part("4", 1, 3), Part("4", 2, 1), Part("4", 2, 2), Part("4", 2, 3), // sent again whole
        ]);

        Assert.Equal(new PhoneReceived(1, 0, false), received["1"]);
        Assert.Equal(new PhoneReceived(0, 1, false), received["2"]);
        Assert.Equal(new PhoneReceived(1, 0, true), received["3"]);
        Assert.Equal(new PhoneReceived(2, 0, true), received["4"]);
    }

    [Fact]
    public void HighestPerSecond_IsTheMostArrivalsWithinAnyOneSecond()
    {
        var at = new[] { 0, 100, 900, 999, 1000, 1500, 1600, 1700, 1899 }.Select(ms => new SubmitRecord("1", true, -1, 1, 1, T0.AddMilliseconds(ms)));

        Assert.Equal(7, SubmitTally.HighestPerSecond(at)); // 900 ms to 1899 ms
    }
}
