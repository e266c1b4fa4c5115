using WarningHub.Abstractions;
using WarningHub.FaultBattery;
using WarningHub.FaultBattery.Carriers;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// Guarantee 10 in the batteries' pass/fail rules: a phone that holds a whole message and, beside it, parts of another
/// concatenation reference got a resend that started over under a new reference. Both batteries only counted such
/// phones; now either fails the run unless the phone's slot is flagged "possibly duplicated".
/// </summary>
public sealed class FragmentsBesideWholeRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static SubmitRecord Part(string phone, int reference, int seq) => new(phone, true, reference, 3, seq, T0);

    // Phone 1: parts 1 and 2 under reference 7, then the whole message again under reference 8 (a resend that started
    // over). Phone 2: one whole message. Part 1 of reference 7 is the only repeat, and it is not a repeat of a part
    // number within one reference, so the tally does not call phone 1 duplicated: only the fragment rule can catch it.
    private static readonly SubmitRecord[] ResendUnderANewReference =
    [
        Part("13800000001", 7, 1), Part("13800000001", 7, 2),
        Part("13800000001", 8, 1), Part("13800000001", 8, 2), Part("13800000001", 8, 3),
        Part("13800000002", 9, 1), Part("13800000002", 9, 2), Part("13800000002", 9, 3),
    ];

    private static FaultResult Counted(bool phoneOneFlagged) => FaultBattery.FaultBattery.Count(
        Fault.Throttled,
        [
            new SlotView("13800000001", DeliveryStatus.Delivered, phoneOneFlagged, 2),
            new SlotView("13800000002", DeliveryStatus.Delivered, false, 1),
        ],
        SubmitTally.Received(ResendUnderANewReference),
        new Dictionary<string, double> { ["throttled"] = 100, ["drops"] = 2, ["contractedPerSecond"] = 100 },
        seconds: 1);

    [Fact]
    public void Count_FindsTheResendUnderANewReference_AsAFragmentBesideAWholeMessage_NotAsADuplicate()
    {
        var r = Counted(phoneOneFlagged: false);

        Assert.Equal(1, r.FragmentsBesideWhole);
        Assert.Equal(1, r.FragmentsBesideWholeNotFlagged);
        Assert.Equal(0, r.DuplicatedNotFlagged);
        Assert.Equal(0, r.Lost);
    }

    [Fact]
    public void SmppBattery_FailsARunWithAFragmentBesideAWholeMessage_WhenTheSlotIsNotFlagged()
    {
        var problems = FaultBattery.FaultBattery.Problems(Fault.LinkDrops, Counted(phoneOneFlagged: false));

        Assert.Contains(problems, p => p.Contains("fragments beside a whole message", StringComparison.Ordinal));
    }

    [Fact]
    public void SmppBattery_ToleratesAFragmentBesideAWholeMessage_WhenTheSlotIsFlaggedPossiblyDuplicated()
    {
        var r = Counted(phoneOneFlagged: true);

        Assert.Equal(1, r.FragmentsBesideWhole);
        Assert.Equal(0, r.FragmentsBesideWholeNotFlagged);
        Assert.DoesNotContain(FaultBattery.FaultBattery.Problems(Fault.LinkDrops, r), p => p.Contains("fragments beside", StringComparison.Ordinal));
    }

    [Fact]
    public void CarrierBattery_FailsARunWithAFragmentBesideAWholeMessage_OnlyWhenTheSlotIsNotFlagged()
    {
        var unflagged = CarrierBattery.Problems(CarrierFault.LinkDrops, Counted(phoneOneFlagged: false));
        var flagged = CarrierBattery.Problems(CarrierFault.LinkDrops, Counted(phoneOneFlagged: true));

        Assert.Contains(unflagged, p => p.Contains("fragments beside a whole message", StringComparison.Ordinal));
        Assert.DoesNotContain(flagged, p => p.Contains("fragments beside", StringComparison.Ordinal));
    }
}
