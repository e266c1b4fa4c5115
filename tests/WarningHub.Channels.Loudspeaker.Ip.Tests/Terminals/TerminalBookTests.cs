using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Terminals;

public class TerminalBookTests
{
    private const string Key = "rtp://10.1.2.3:5004";
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly TerminalBook _book;

    public TerminalBookTests() => _book = new TerminalBook(_time, OfflineAfter);

    [Fact]
    public void StatusOf_ATerminalNeverHeardFrom_IsNull()
    {
        Assert.Null(_book.StatusOf(Key));
        Assert.Empty(_book.Snapshot());
    }

    [Fact]
    public void StatusOf_ASilentTerminal_TurnsOfflineJustAfterTheAllowedSilence()
    {
        var heard = _time.GetUtcNow();
        _book.Report(Report(TerminalState.Normal));

        _time.Advance(OfflineAfter);
        Assert.Equal(TerminalState.Normal, _book.StatusOf(Key)!.State);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new TerminalStatus(Key, TerminalState.Offline, heard + OfflineAfter), _book.StatusOf(Key));
    }

    [Fact]
    public void Report_AfterOffline_BringsTheTerminalBackWithANewSince()
    {
        _book.Report(Report(TerminalState.Normal));
        _time.Advance(TimeSpan.FromMinutes(5));

        _book.Report(Report(TerminalState.Normal));

        Assert.Equal(new TerminalStatus(Key, TerminalState.Normal, _time.GetUtcNow()), _book.StatusOf(Key));
    }

    [Fact]
    public void Report_NormalAfterAFault_ReadsRecoveredUntilTheTerminalReportsSomethingElse()
    {
        _book.Report(Report(TerminalState.Normal));
        _time.Advance(TimeSpan.FromSeconds(5));
        _book.Report(Report(TerminalState.Fault));
        Assert.Equal(TerminalState.Fault, _book.StatusOf(Key)!.State);

        _time.Advance(TimeSpan.FromSeconds(5));
        var recoveredAt = _time.GetUtcNow();
        _book.Report(Report(TerminalState.Normal));
        _time.Advance(TimeSpan.FromSeconds(5));
        _book.Report(Report(TerminalState.Normal));
        Assert.Equal(new TerminalStatus(Key, TerminalState.Recovered, recoveredAt), _book.StatusOf(Key));

        _book.Report(Report(TerminalState.Broadcasting));
        _book.Report(Report(TerminalState.Normal));
        Assert.Equal(TerminalState.Normal, _book.StatusOf(Key)!.State);
    }

    [Fact]
    public void Report_OfTheSameState_KeepsTheTimeTheStateBegan()
    {
        var began = _time.GetUtcNow();
        _book.Report(Report(TerminalState.Stopped));
        _time.Advance(TimeSpan.FromSeconds(10));
        _book.Report(Report(TerminalState.Stopped));

        Assert.Equal(began, _book.StatusOf(Key)!.At);
    }

    [Fact]
    public void PlayableMembers_OfAGroup_AreTheMembersOnlineAndHealthy()
    {
        const string group = "rtp-multicast://239.1.1.1:5004";
        _book.Report(Report(TerminalState.Normal, "rtp://10.0.0.1:5004", [group]));
        _book.Report(Report(TerminalState.Fault, "rtp://10.0.0.2:5004", [group]));
        _book.Report(Report(TerminalState.Broadcasting, "rtp://10.0.0.3:5004", [group]));
        _book.Report(Report(TerminalState.Normal, "rtp://10.0.0.4:5004", ["rtp-multicast://239.9.9.9:5004"]));
        _time.Advance(TimeSpan.FromSeconds(20));
        _book.Report(Report(TerminalState.Normal, "rtp://10.0.0.5:5004", [group]));
        _time.Advance(TimeSpan.FromSeconds(20));

        var members = _book.PlayableMembers(group, out var known);

        Assert.Equal(4, known);
        Assert.Equal(["rtp://10.0.0.5:5004"], members);
    }

    private static TerminalReport Report(TerminalState state, string key = Key, IReadOnlyList<string>? groups = null) =>
        new("JY-101-03", key, state, groups, null, null, null);
}
