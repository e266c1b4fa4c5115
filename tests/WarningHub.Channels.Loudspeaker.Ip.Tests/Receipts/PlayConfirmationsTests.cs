using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Receipts;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Receipts;

public class PlayConfirmationsTests
{
    private const string Terminal = "rtp://10.0.0.1:5004";
    private readonly FakeTimeProvider _time = new();
    private readonly List<Receipt> _receipts = [];
    private readonly PlayConfirmations _confirmations;

    public PlayConfirmationsTests() => _confirmations = new PlayConfirmations(_time, _receipts.Add);

    [Fact]
    public void OnReport_OfTheExpectedTerminalAndPlay_PublishesDeliveredUnderTheProviderId()
    {
        _confirmations.Expect("1a2b3c4d@" + Terminal, "1a2b3c4d", [Terminal], _time.GetUtcNow().AddMinutes(1));

        Assert.True(_confirmations.OnReport(Terminal, "1a2b3c4d", played: true));

        var receipt = Assert.Single(_receipts);
        Assert.Equal(new Receipt("1a2b3c4d@" + Terminal, DeliveryStatus.Delivered, "PLAYED", _time.GetUtcNow()), receipt);
        Assert.Equal(0, _confirmations.Count);
    }

    [Fact]
    public void OnReport_OfAnotherTerminalOrPlay_MatchesNothing()
    {
        _confirmations.Expect("1a2b3c4d@" + Terminal, "1a2b3c4d", [Terminal], _time.GetUtcNow().AddMinutes(1));

        Assert.False(_confirmations.OnReport("rtp://10.0.0.2:5004", "1a2b3c4d", true));
        Assert.False(_confirmations.OnReport(Terminal, "00000000", true));
        Assert.Empty(_receipts);
    }

    [Fact]
    public void OnReport_ForAGroup_WaitsForEveryExpectedMemberBeforeDelivered()
    {
        string[] members = ["rtp://10.0.0.1:5004", "rtp://10.0.0.2:5004", "rtp://10.0.0.3:5004"];
        _confirmations.Expect("aa@group", "aa", members, _time.GetUtcNow().AddMinutes(1));

        _confirmations.OnReport(members[0], "aa", true);
        _confirmations.OnReport(members[2], "aa", true);
        Assert.Empty(_receipts);

        _confirmations.OnReport(members[1], "aa", true);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(_receipts).Status);
    }

    [Fact]
    public void OnReport_OfOneMemberThatCouldNotPlay_FailsTheGroupAtOnceAndIgnoresLaterReports()
    {
        string[] members = ["rtp://10.0.0.1:5004", "rtp://10.0.0.2:5004"];
        _confirmations.Expect("aa@group", "aa", members, _time.GetUtcNow().AddMinutes(1));

        _confirmations.OnReport(members[0], "aa", false);
        var late = _confirmations.OnReport(members[1], "aa", true);

        Assert.Equal(new Receipt("aa@group", DeliveryStatus.Failed, "NOT_PLAYED", _time.GetUtcNow()), Assert.Single(_receipts));
        Assert.False(late);
    }

    [Fact]
    public void Expect_AfterTheDeadlinePassed_DropsTheOldPlayWithoutAReceipt()
    {
        _confirmations.Expect("old@" + Terminal, "old", [Terminal], _time.GetUtcNow().AddSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(6));

        _confirmations.Expect("new@" + Terminal, "new", [Terminal], _time.GetUtcNow().AddSeconds(5));

        Assert.False(_confirmations.OnReport(Terminal, "old", true));
        Assert.Empty(_receipts);
        Assert.Equal(1, _confirmations.Count);
    }

    [Fact]
    public void Forget_OfAFailedSend_MeansALaterReportMatchesNothing()
    {
        _confirmations.Expect("x@" + Terminal, "x", [Terminal], _time.GetUtcNow().AddMinutes(1));

        _confirmations.Forget("x@" + Terminal);

        Assert.False(_confirmations.OnReport(Terminal, "x", true));
        Assert.Empty(_receipts);
    }
}
