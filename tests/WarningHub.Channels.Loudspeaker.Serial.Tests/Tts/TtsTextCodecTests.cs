using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Tts;

public class TtsTextCodecTests
{
    [Theory]
    [InlineData(TtsTextEncoding.Gb2312, 0x00, "B1A9 D3EA BAEC C9AB D4A4 BEAF")]
    [InlineData(TtsTextEncoding.Gbk, 0x01, "B1A9 D3EA BAEC C9AB D4A4 BEAF")]
    [InlineData(TtsTextEncoding.Utf16, 0x03, "B466 E896 A27E 7282 8498 668B")]
    public void Encode_RainstormRedWarning_GivesTheEncodingsBytesAndCode(TtsTextEncoding encoding, byte code, string expected)
    {
        var codec = TtsTextCodec.For(encoding);

        Assert.Equal(code, codec.Code);
        Assert.Equal(Hex.Parse(expected), codec.Encode("暴雨红色预警"));
        Assert.Null(codec.FindUnencodable("暴雨红色预警"));
    }

    [Fact]
    public void Encode_Big5_UsesTraditionalCodePoints()
    {
        // 暴 = BCC9, 雨 = AB42 in BIG5.
        Assert.Equal(Hex.Parse("BCC9 AB42"), TtsTextCodec.For(TtsTextEncoding.Big5).Encode("暴雨"));
    }

    [Fact]
    public void FindUnencodable_GbkOnlyCharacterInGb2312_IsReportedButGbkTakesIt()
    {
        // 镕 (U+9555) is GBK E946: lead byte E9 is in GB2312's range but trail 46 is not, so a GB2312 module cannot read it.
        const string text = "朱镕基路段积水";

        Assert.Contains("U+9555", TtsTextCodec.For(TtsTextEncoding.Gb2312).FindUnencodable(text), StringComparison.Ordinal);
        Assert.Null(TtsTextCodec.For(TtsTextEncoding.Gbk).FindUnencodable(text));
        Assert.Equal(Hex.Parse("E946"), TtsTextCodec.For(TtsTextEncoding.Gbk).Encode("镕"));
    }

    [Fact]
    public void FindUnencodable_EmojiInGbk_NamesTheCodePointAndPosition()
    {
        var problem = TtsTextCodec.For(TtsTextEncoding.Gbk).FindUnencodable("注意⚠️撤离");

        Assert.NotNull(problem);
        Assert.Contains("U+26A0", problem, StringComparison.Ordinal);
        Assert.Contains("character 3", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindUnencodable_SupplementaryCharacterInUtf16_IsEncodableAsASurrogatePair()
    {
        var codec = TtsTextCodec.For(TtsTextEncoding.Utf16);

        Assert.Null(codec.FindUnencodable("𠀀"));
        Assert.Equal(4, codec.ByteCount("𠀀"));
    }

    [Fact]
    public void Encode_AsciiInGbk_IsOneBytePerCharacter()
    {
        Assert.Equal(Hex.Parse("3132 33"), TtsTextCodec.For(TtsTextEncoding.Gbk).Encode("123"));
    }
}
