using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Channels.Loudspeaker.Serial.Transport;
using WarningHub.Simulators.Serial;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Simulator;

/// <summary>The simulated module answers raw bytes as the datasheets describe; bytes are written by hand here.</summary>
[Collection(SerialLinesCollection.Name)]
public sealed class TtsModuleSimulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly PtyPair _pty = PtyPair.Create();
    private TtsModuleSimulator _module = null!;
    private SerialPortSlot _slot = null!;

    public Task InitializeAsync()
    {
        _module = new TtsModuleSimulator(_pty.DeviceEnd, new TtsModuleSimulatorOptions { TimePerCharacter = TimeSpan.FromSeconds(1) }); // 4 s for 宇音天下: long enough to be caught speaking
        _module.Start();
        _slot = new SerialPortSlot("village", new SerialPortSettings { Path = _pty.AdapterEnd }, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _slot.Dispose();
        await _module.DisposeAsync();
        _pty.Dispose();
    }

    [Fact]
    public async Task DatasheetFrame_IsAnswered41_SpokenAsDecodedText_ThenAnnouncedIdle()
    {
        var answers = await SendAsync("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1", expect: 1);

        Assert.Equal([0x41], answers);
        Assert.Equal("宇音天下", Assert.Single(_module.Spoken).Text);
        Assert.True(_module.IsSpeaking);
        Assert.Equal(0x4F, await _slot.Line().ReadByteAsync(Wait, CancellationToken.None));
        Assert.False(_module.IsSpeaking);
    }

    [Fact]
    public async Task StatusQuery_WhileSpeaking_Is41Then4E_AndWhenIdle_41Then4F()
    {
        Assert.Equal([0x41, 0x4F], await SendAsync("FD 0002 21 DE", expect: 2));
        await SendAsync("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1", expect: 1);

        Assert.Equal([0x41, 0x4E], await SendAsync("FD 0002 21 DE", expect: 2));
        Assert.Equal(2, _module.StatusQueries);
    }

    [Theory]
    [InlineData("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C2")] // checksum off by one bit
    [InlineData("FD 0002 77 88")] // unknown command 0x77 with a correct checksum (FF^77)
    [InlineData("FD 00CC 01 00")] // data area of 204 bytes announced: longer than a SYN6288 takes
    [InlineData("FD 0005 01 00 E946 56")] // GBK-only 镕 sent as GB2312 (code 0)
    public async Task BadFrames_AreAnswered45AndNothingIsSpoken(string frame)
    {
        Assert.Equal([0x45], await SendAsync(frame, expect: 1));

        Assert.Empty(_module.Spoken);
        Assert.Equal(1, _module.FramesRejected);
    }

    [Fact]
    public async Task SynthesisWhileSpeaking_IsRefused4E()
    {
        await SendAsync("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1", expect: 1);

        Assert.Equal([0x4E], await SendAsync("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1", expect: 1));
        Assert.Equal(1, _module.RefusedWhileBusy);
        Assert.Single(_module.Spoken);
    }

    [Fact]
    public async Task Stop_WhileSpeaking_EndsSpeechAndMarksItInterrupted()
    {
        await SendAsync("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1", expect: 1);

        Assert.Equal([0x41], await SendAsync("FD 0002 02 FD", expect: 1));
        Assert.False(_module.IsSpeaking);
        Assert.True(Assert.Single(_module.Spoken).Interrupted);
    }

    private async Task<byte[]> SendAsync(string hex, int expect)
    {
        var line = _slot.Line();
        await line.WriteAsync(Hex.Parse(hex), CancellationToken.None);
        var answers = new List<byte>();
        for (var i = 0; i < expect; i++)
        {
            var b = await line.ReadByteAsync(Wait, CancellationToken.None);
            Assert.True(b >= 0, $"answer byte {i + 1} of {expect} did not arrive");
            answers.Add((byte)b);
        }

        return [.. answers];
    }
}
