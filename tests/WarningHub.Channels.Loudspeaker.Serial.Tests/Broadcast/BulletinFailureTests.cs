using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Broadcast;

/// <summary>What a bulletin returns when the line or the module misbehaves.</summary>
[Collection(SerialLinesCollection.Name)]
public class BulletinFailureTests
{
    private const string Script = "请注意：山洪预警。请沿河群众立即转移。";

    [Fact]
    public async Task Broadcast_NothingAnswersOnThePort_IsTemporaryNoAnswerAndTheTerminalIsFault()
    {
        await using var rig = SpeakerRig.Start(withModule: false);

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("NO_ANSWER", result.ErrorCode);
        Assert.Equal(TerminalState.Fault, Assert.Single(rig.Channel.Terminals).State);
        Assert.False(rig.Channel.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task Broadcast_ModuleGoesSilentAfterAcceptingTheFirstFrame_IsUnknownBecausePartWasHeard()
    {
        await using var rig = SpeakerRig.Start(module: m => m.TimePerCharacter = TimeSpan.FromMilliseconds(100));
        var script = string.Concat(Enumerable.Repeat("预计未来三小时内千佛镇、王村镇将出现一百毫米以上降水。", 8));
        var broadcast = rig.BroadcastAsync(script).AsTask();
        Assert.True(await Eventually.TrueAsync(() => rig.Module!.Spoken.Count == 1));

        rig.Module!.Silent = true;
        var result = await broadcast;

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Equal("NO_ANSWER", result.ErrorCode);
        Assert.Contains("1 of 3 frames were spoken", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_AcknowledgementByteLost_ChecksStatusInsteadOfResendingSoNothingIsSpokenTwice()
    {
        await using var rig = SpeakerRig.Start(module: m => (m.AcknowledgeSynthesis, m.TimePerCharacter) = (false, TimeSpan.FromMilliseconds(200)));

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(Script, rig.Module!.SpokenText);
        Assert.Equal(0, rig.Module.RefusedWhileBusy);
    }

    [Fact]
    public async Task Broadcast_PortPathMissing_IsTemporaryPortMissingWithoutTheDevicePath()
    {
        await using var rig = SpeakerRig.Start(channel: o => o.Ports["village"].Path += "-unplugged");

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("PORT_MISSING", result.ErrorCode);
        Assert.DoesNotContain(rig.TtsLine.Folder, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_ModuleRejectsEveryFrame_IsTemporaryBadFrameAfterTheRetries()
    {
        // The adapter leaves the checksum off while the module expects one: every frame is answered 0x45.
        await using var rig = SpeakerRig.Start(channel: o => o.Ports["village"].Checksum = false);

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("BAD_FRAME", result.ErrorCode);
        Assert.Equal(2, rig.Module!.FramesRejected); // the status query and its one retry (Retries = 1)
        Assert.Empty(rig.Module.Spoken);
        Assert.Equal(TerminalState.Fault, Assert.Single(rig.Channel.Terminals).State);
    }

    [Fact]
    public async Task Broadcast_CancelledWhileSpeaking_StopsTheModuleAndIsUnknown()
    {
        await using var rig = SpeakerRig.Start(module: m => m.TimePerCharacter = TimeSpan.FromMilliseconds(200));
        using var cancel = new CancellationTokenSource();
        var broadcast = rig.BroadcastAsync(Script, cancellationToken: cancel.Token).AsTask();
        Assert.True(await Eventually.TrueAsync(() => rig.Module!.IsSpeaking));

        await cancel.CancelAsync();
        var result = await broadcast;

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Equal("CANCELLED", result.ErrorCode);
        Assert.True(await Eventually.TrueAsync(() => !rig.Module!.IsSpeaking));
        Assert.True(Assert.Single(rig.Module!.Spoken).Interrupted);
    }

    [Fact]
    public async Task Broadcast_CancelledBeforeAnythingWasSpoken_Throws()
    {
        await using var rig = SpeakerRig.Start();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.BroadcastAsync(Script, cancellationToken: cancel.Token).AsTask());
        Assert.Empty(rig.Module!.Spoken);
    }

    [Fact]
    public async Task Broadcast_SecondBulletinOnAPortThatIsNotShared_IsTemporaryPortBusy()
    {
        // The first bulletin speaks for 19 s: far longer than the second waits (2 × ResponseTimeout = 4 s).
        await using var rig = SpeakerRig.Start(module: m => m.TimePerCharacter = TimeSpan.FromSeconds(1));
        using var stopFirst = new CancellationTokenSource();
        var first = rig.BroadcastAsync(Script, cancellationToken: stopFirst.Token).AsTask();
        Assert.True(await Eventually.TrueAsync(() => rig.Module!.IsSpeaking));

        var second = await rig.BroadcastAsync("第二条预警。");

        Assert.Equal(SendOutcome.TemporaryFailure, second.Outcome);
        Assert.Equal("PORT_BUSY", second.ErrorCode);
        Assert.Single(rig.Module!.Spoken);
        await stopFirst.CancelAsync();
        Assert.Equal(SendOutcome.Unknown, (await first).Outcome);
    }

    [Fact]
    public async Task Broadcast_TwoBulletinsOnASharedPort_AreBothSpokenOneAfterTheOther()
    {
        await using var rig = SpeakerRig.Start(
            module: m => m.TimePerCharacter = TimeSpan.FromMilliseconds(10),
            channel: o => o.Ports["village"].Shared = true);

        var results = await Task.WhenAll(rig.BroadcastAsync(Script).AsTask(), rig.BroadcastAsync("第二条预警。").AsTask());

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(2, rig.Module!.Spoken.Count);
        Assert.Equal(0, rig.Module.RefusedWhileBusy);
        Assert.Equal(["speak", "idle", "speak", "idle"], rig.Log.Entries.Select(e => e.Split(' ')[0]));
    }
}
