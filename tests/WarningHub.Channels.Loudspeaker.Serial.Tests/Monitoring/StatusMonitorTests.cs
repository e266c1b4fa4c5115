using System.Collections.Concurrent;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Monitoring;

/// <summary>The periodic status queries against the simulated module over a pty pair.</summary>
[Collection(SerialLinesCollection.Name)]
public class StatusMonitorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Monitor_ModuleFallsSilent_IsFaultThenOffline_AndRecoveredWhenItAnswersAgain()
    {
        await using var rig = SpeakerRig.Start(channel: o => (o.StatusInterval, o.OfflineAfterMissed) = (TimeSpan.FromMilliseconds(100), 3));
        var changes = Watch(rig);
        await rig.Channel.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => changes.Contains(TerminalState.Normal), Patience));

        rig.Module!.Silent = true;
        Assert.True(await Eventually.TrueAsync(() => changes.Contains(TerminalState.Offline), Patience));
        Assert.Equal(TerminalState.Offline, Assert.Single(rig.Channel.Terminals).State);
        rig.Module.Silent = false;
        Assert.True(await Eventually.TrueAsync(() => changes.Count(s => s == TerminalState.Normal) == 2, Patience));

        Assert.Equal([TerminalState.Normal, TerminalState.Fault, TerminalState.Offline, TerminalState.Recovered, TerminalState.Normal], changes);
    }

    [Fact]
    public async Task StatusOf_AZoneAddress_IsItsModulesState_AndAnotherPortHasNone()
    {
        await using var rig = SpeakerRig.Start(channel: o => (o.StatusInterval, o.OfflineAfterMissed) = (TimeSpan.FromMilliseconds(100), 2));
        ITerminalMonitor monitor = rig.Channel;
        await rig.Channel.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => monitor.StatusOf("serial:village#1/2")?.State == TerminalState.Normal, Patience));

        rig.Module!.Silent = true;

        Assert.True(await Eventually.TrueAsync(() => monitor.StatusOf("serial:village#3")?.State == TerminalState.Offline, Patience));
        Assert.Equal("serial:village", monitor.StatusOf("serial:village")?.Address);
        Assert.Null(monitor.StatusOf("serial:other-port"));
        Assert.Null(monitor.StatusOf("rtp://127.0.0.1:5004"));
    }

    [Fact]
    public async Task Monitor_SerialAdapterUnplugged_IsOffline_AndRecoveredWhenPluggedBackIn()
    {
        await using var rig = SpeakerRig.Start(channel: o => (o.StatusInterval, o.OfflineAfterMissed) = (TimeSpan.FromMilliseconds(100), 2));
        var changes = Watch(rig);
        await rig.Channel.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => changes.Contains(TerminalState.Normal), Patience));

        rig.TtsLine.Unplug();
        Assert.True(await Eventually.TrueAsync(() => changes.Contains(TerminalState.Offline), Patience));
        rig.TtsLine.Replug();
        await rig.RestartModuleAsync();

        Assert.True(await Eventually.TrueAsync(() => changes.Contains(TerminalState.Recovered), Patience));
        Assert.Equal([TerminalState.Normal, TerminalState.Fault, TerminalState.Offline, TerminalState.Recovered], changes.Take(4));
    }

    [Fact]
    public async Task Monitor_DuringABulletin_ReportsBroadcastingAndDoesNotQueryTheBusyPort()
    {
        await using var rig = SpeakerRig.Start(
            module: m => m.TimePerCharacter = TimeSpan.FromMilliseconds(100),
            channel: o => o.StatusInterval = TimeSpan.FromMilliseconds(50));
        await rig.Channel.StartAsync(CancellationToken.None);
        var broadcast = rig.BroadcastAsync("请注意：山洪预警。请沿河群众立即转移。").AsTask();

        Assert.True(await Eventually.TrueAsync(() => rig.Module!.IsSpeaking));
        Assert.Equal(TerminalState.Broadcasting, Assert.Single(rig.Channel.Terminals).State);
        Assert.Equal(SendOutcome.Accepted, (await broadcast).Outcome);
        Assert.Equal(0, rig.Module!.RefusedWhileBusy);
    }

    [Fact]
    public async Task Monitor_QueryingEveryFewMilliseconds_NeverMakesABulletinOnAnUnsharedPortFailAsBusy()
    {
        await using var rig = SpeakerRig.Start(channel: o => o.StatusInterval = TimeSpan.FromMilliseconds(5));
        await rig.Channel.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => rig.Module!.StatusQueries >= 3));

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await rig.BroadcastAsync("请注意。"));
        }

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(5, rig.Module!.Spoken.Count);
    }

    /// <summary>Every state change, in order, as the channel reports it.</summary>
    private static ConcurrentQueue<TerminalState> Watch(SpeakerRig rig)
    {
        var changes = new ConcurrentQueue<TerminalState>();
        rig.Channel.TerminalChanged += status => changes.Enqueue(status.State);
        return changes;
    }
}
