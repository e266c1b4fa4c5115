using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Simulators.Serial;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Broadcast;

/// <summary>Bulletins through a relay zone: the TTS module and a Modbus relay slave, each on its own pty pair.</summary>
[Collection(SerialLinesCollection.Name)]
public class RelayTests
{
    private const string Script = "请注意：山洪预警。";

    [Fact]
    public async Task Broadcast_ToAZone_SwitchesAmplifierThenZoneOnBeforeSpeakingAndBothOffAfter()
    {
        await using var rig = SpeakerRig.Start(withRelays: true);

        var result = await rig.BroadcastAsync(Script, "serial:village#1/3");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(
            ["relay 1/0 on", "relay 1/3 on", "speak " + Script, "idle", "relay 1/3 off", "relay 1/0 off"],
            rig.Log.Entries);
        Assert.False(rig.Relays!.Coil(0));
        Assert.False(rig.Relays.Coil(3));
    }

    [Fact]
    public async Task Broadcast_ShortZoneForm_TakesTheSlaveFromThePortSettings()
    {
        await using var rig = SpeakerRig.Start(withRelays: true);

        var result = await rig.BroadcastAsync(Script, "serial:village#5");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal([new CoilWrite(0, true), new CoilWrite(5, true), new CoilWrite(5, false), new CoilWrite(0, false)], rig.Relays!.Writes);
    }

    [Fact]
    public async Task Broadcast_ZoneCoilTheSlaveDoesNotHave_IsPermanentAndTheAmplifierGoesOffAgain()
    {
        await using var rig = SpeakerRig.Start(withRelays: true);

        var result = await rig.BroadcastAsync(Script, "serial:village#1/40");

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("RELAY_0x02", result.ErrorCode);
        Assert.Contains("illegal data address", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Module!.Spoken);
        Assert.Equal([new CoilWrite(0, true), new CoilWrite(0, false)], rig.Relays!.Writes);
    }

    [Fact]
    public async Task Broadcast_RelaySlaveReportsDeviceFailure_IsTemporaryAndNothingIsSpoken()
    {
        await using var rig = SpeakerRig.Start(withRelays: true);
        rig.Relays!.ForcedException = 0x04;

        var result = await rig.BroadcastAsync(Script, "serial:village#1/3");

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("RELAY", result.ErrorCode);
        Assert.Empty(rig.Module!.Spoken);
    }

    [Fact]
    public async Task Broadcast_RelaySlaveSilent_IsTemporaryAfterTheRetry()
    {
        await using var rig = SpeakerRig.Start(withRelays: true);
        rig.Relays!.Silent = true;

        var result = await rig.BroadcastAsync(Script, "serial:village#1/3");

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("RELAY", result.ErrorCode);
        Assert.Contains("no answer", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, rig.Relays.Requests); // the amplifier's write and its one retry
        Assert.Empty(rig.Module!.Spoken);
    }

    [Fact]
    public async Task Broadcast_CancelledWhileSpeakingInAZone_StillSwitchesTheRelaysOff()
    {
        await using var rig = SpeakerRig.Start(withRelays: true, module: m => m.TimePerCharacter = TimeSpan.FromMilliseconds(300));
        using var cancel = new CancellationTokenSource();
        var broadcast = rig.BroadcastAsync(Script, "serial:village#1/3", cancel.Token).AsTask();
        Assert.True(await Eventually.TrueAsync(() => rig.Module!.IsSpeaking));

        await cancel.CancelAsync();
        var result = await broadcast;

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.False(rig.Relays!.Coil(3));
        Assert.False(rig.Relays.Coil(0));
        Assert.Equal(["relay 1/3 off", "relay 1/0 off"], rig.Log.Entries.TakeLast(2));
    }
}
