using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Broadcast;

/// <summary>Whole bulletins over a socat pty pair against the simulated SYN6288.</summary>
[Collection(SerialLinesCollection.Name)]
public class BulletinTests
{
    private const string Script = "井研县气象台发布暴雨红色预警：预计未来三小时千佛镇、王村镇降雨量将达一百毫米以上，请立即转移到安全地带。";

    [Fact]
    public async Task Broadcast_Script_IsSpokenAndTheRecordedTextEqualsTheScript()
    {
        await using var rig = SpeakerRig.Start();

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(Script, rig.Module!.SpokenText);
        Assert.All(rig.Module.Spoken, u => Assert.Equal(1, u.EncodingCode)); // GBK
        Assert.Equal(0, rig.Module.FramesRejected);
    }

    [Fact]
    public async Task Broadcast_WhenTheModuleFallsIdle_PublishesAPlayConfirmationForTheReturnedId()
    {
        await using var rig = SpeakerRig.Start();

        var result = await rig.BroadcastAsync("请注意，山洪预警。");

        var id = Assert.Single(result.ProviderMessageIds);
        Assert.True(rig.Channel.Receipts.TryRead(out var receipt));
        Assert.Equal(id, receipt.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
        Assert.Equal("PLAYED", receipt.Code);
        Assert.False(rig.Module!.IsSpeaking);
        Assert.Equal(TerminalState.Normal, Assert.Single(rig.Channel.Terminals).State);
    }

    [Fact]
    public async Task Broadcast_ScriptLongerThanAFrame_SendsEachFrameOnlyAfterTheModuleFellIdle()
    {
        await using var rig = SpeakerRig.Start();
        var script = string.Concat(Enumerable.Repeat(Script, 4)); // about 420 GBK bytes: at least three SYN6288 frames

        var result = await rig.BroadcastAsync(script);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(script, rig.Module!.SpokenText);
        Assert.True(rig.Module.Spoken.Count >= 3, $"{rig.Module.Spoken.Count} frames");
        Assert.Equal(0, rig.Module.RefusedWhileBusy);
        var events = rig.Log.Entries;
        for (var i = 1; i < events.Count; i++)
        {
            Assert.False(events[i].StartsWith("speak", StringComparison.Ordinal) && events[i - 1].StartsWith("speak", StringComparison.Ordinal),
                "a frame was spoken before the one before it finished");
        }
    }

    [Fact]
    public async Task Broadcast_ModuleBusyWithALocalAnnouncement_WaitsForIdleThenSpeaks()
    {
        await using var rig = SpeakerRig.Start();
        rig.Module!.Occupy(TimeSpan.FromSeconds(2));

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(Script, rig.Module.SpokenText);
        Assert.Equal(0, rig.Module.RefusedWhileBusy);
        Assert.True(rig.Module.BusyAnswers >= 1, "the bulletin never found the module busy");
        Assert.Equal(["occupied", "idle", "speak " + Script, "idle"], rig.Log.Entries);
    }

    [Fact]
    public async Task Broadcast_ModuleBusyLongerThanTheBusyWait_IsTemporaryAndSpeaksNothing()
    {
        await using var rig = SpeakerRig.Start(channel: o => o.BusyWaitTimeout = TimeSpan.FromMilliseconds(300));
        rig.Module!.Occupy(TimeSpan.FromSeconds(20));

        var result = await rig.BroadcastAsync(Script);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("MODULE_BUSY", result.ErrorCode);
        Assert.Empty(rig.Module.Spoken);
    }

    [Fact]
    public async Task Broadcast_Repetitions_SpeakTheScriptThatManyTimes()
    {
        await using var rig = SpeakerRig.Start(channel: o => o.Ports["village"].Repetitions = 3);

        var result = await rig.BroadcastAsync("请注意，山洪预警。");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(string.Concat(Enumerable.Repeat("请注意，山洪预警。", 3)), rig.Module!.SpokenText);
    }

    [Fact]
    public async Task Broadcast_Xfs5152InUtf16_IsSpokenWithoutChecksumAndTheStateOnlyStatusAnswer()
    {
        await using var rig = SpeakerRig.Start(
            module: m => (m.Checksum, m.MaxDataLength, m.AcknowledgeStatusQuery) = (false, 4096, false),
            channel: o => (o.Ports["village"].Profile, o.Ports["village"].Encoding) = (TtsProfile.Xfs5152, TtsTextEncoding.Utf16));
        var script = string.Concat(Enumerable.Repeat(Script, 4)) + "𠀀";

        var result = await rig.BroadcastAsync(script);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(script, rig.Module!.SpokenText);
        Assert.Equal(3, Assert.Single(rig.Module.Spoken).EncodingCode); // 4 KiB frames: one is enough
    }

    [Fact]
    public async Task Broadcast_Gb2312_ScriptWithAGbkOnlyCharacter_IsPermanentAndNothingReachesTheLine()
    {
        await using var rig = SpeakerRig.Start(channel: o => o.Ports["village"].Encoding = TtsTextEncoding.Gb2312);

        var result = await rig.BroadcastAsync("朱镕基路段积水，请绕行。");

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("ENCODING", result.ErrorCode);
        Assert.Contains("U+9555", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, rig.Module!.StatusQueries);
    }

    [Theory]
    [InlineData("serial:town", "No TTS port named 'town'")]
    [InlineData("serial:village#1/3", "no RelayPort")]
    [InlineData("rtp://10.1.2.3:5004", "serial:")]
    public async Task Broadcast_BadAddress_IsPermanent(string address, string reason)
    {
        await using var rig = SpeakerRig.Start();

        var result = await rig.BroadcastAsync(Script, address);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("ADDRESS", result.ErrorCode);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_EmptyScript_IsPermanentBecauseTheClipIsNotPlayedHere()
    {
        await using var rig = SpeakerRig.Start();

        var result = await rig.BroadcastAsync("  \n ");

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("TEXT_EMPTY", result.ErrorCode);
    }
}
