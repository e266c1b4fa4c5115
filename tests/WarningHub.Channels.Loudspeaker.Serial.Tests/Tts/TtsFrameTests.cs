using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Tts;

public class TtsFrameTests
{
    [Fact]
    public void Synthesis_Syn6288DatasheetExample_IsReproducedByteForByte()
    {
        // The SYN6288 user guide's example "宇音天下" in GB2312, reproduced in many public driver sources:
        // FD | 00 0B (11 bytes follow) | 01 synthesise | 00 GB2312, no music | D3EE D2F4 CCEC CFC2 | C1.
        // C1 by hand: FD^00^0B^01^00 = F7; D3^EE=3D, D2^F4=26, CC^EC=20, CF^C2=0D, together 36; F7^36 = C1.
        var text = TtsTextCodec.For(TtsTextEncoding.Gb2312).Encode("宇音天下");

        var frame = TtsFrame.Synthesis(0x00, text, checksum: true);

        Assert.Equal(Hex.Parse("FD 000B 01 00 D3EE D2F4 CCEC CFC2 C1"), frame);
    }

    [Fact]
    public void Synthesis_GbkWithBackgroundMusic_PutsMusicInTheHighBitsAndXorsEverything()
    {
        // Parameter 0x11 = music 2 (bits 7-3) | GBK 1 (bits 2-0). 暴 = B1A9, 雨 = D3EA in GBK.
        // Length 7 = command + parameter + 4 text bytes + checksum.
        // XOR by hand: FD^00^07^01^11 = EA; B1^A9 = 18, D3^EA = 39, 18^39 = 21; EA^21 = CB.
        var parameter = TtsFrame.SynthesisParameter(encodingCode: 0x01, backgroundMusic: 2);
        var frame = TtsFrame.Synthesis(parameter, TtsTextCodec.For(TtsTextEncoding.Gbk).Encode("暴雨"), checksum: true);

        Assert.Equal(0x11, parameter);
        Assert.Equal(Hex.Parse("FD 0007 01 11 B1A9 D3EA CB"), frame);
    }

    [Fact]
    public void Synthesis_Xfs5152Utf16_HasNoChecksumAndCountsOnlyCommandParameterAndText()
    {
        // 暴 U+66B4 and 雨 U+96E8, little-endian; length 6 = command + encoding + 4 text bytes.
        var frame = TtsFrame.Synthesis(0x03, TtsTextCodec.For(TtsTextEncoding.Utf16).Encode("暴雨"), checksum: false);

        Assert.Equal(Hex.Parse("FD 0006 01 03 B466 E896"), frame);
    }

    [Theory]
    [InlineData((byte)0x21, "FD 0002 21 DE")] // FD^00^02 = FF, FF^21 = DE
    [InlineData((byte)0x02, "FD 0002 02 FD")] // FF^02 = FD
    [InlineData((byte)0x03, "FD 0002 03 FC")] // FF^03 = FC
    [InlineData((byte)0x04, "FD 0002 04 FB")] // FF^04 = FB
    [InlineData((byte)0x88, "FD 0002 88 77")] // FF^88 = 77
    public void Control_Syn6288_IsHeaderLengthCommandAndXor(byte command, string expected)
    {
        Assert.Equal(Hex.Parse(expected), TtsFrame.Control((TtsCommand)command, checksum: true));
    }

    [Fact]
    public void Control_Xfs5152StatusQuery_IsFourBytesWithoutChecksum()
    {
        Assert.Equal(Hex.Parse("FD 0001 21"), TtsFrame.Control(TtsCommand.StatusQuery, checksum: false));
    }

    [Fact]
    public void Synthesis_LongText_WritesTheLengthBigEndian()
    {
        var text = new byte[300];

        var frame = TtsFrame.Synthesis(0x01, text, checksum: false);

        Assert.Equal(0x01, frame[1]); // 302 = 0x012E
        Assert.Equal(0x2E, frame[2]);
        Assert.Equal(305, frame.Length);
    }
}
