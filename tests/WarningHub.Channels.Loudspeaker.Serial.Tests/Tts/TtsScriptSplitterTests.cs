using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Tts;

public class TtsScriptSplitterTests
{
    private static readonly TtsTextCodec Gbk = TtsTextCodec.For(TtsTextEncoding.Gbk);

    [Fact]
    public void Split_ShortScript_IsOneFrame()
    {
        Assert.Equal(["井研县气象台发布暴雨红色预警。"], TtsScriptSplitter.Split("井研县气象台发布暴雨红色预警。", Gbk, 200));
    }

    [Fact]
    public void Split_LongScript_CutsAfterSentencesAndKeepsEveryFrameWithinTheLimit()
    {
        var sentence = "预计未来三小时内千佛镇、王村镇将出现一百毫米以上降水。"; // 27 characters, 54 bytes in GBK
        var script = string.Concat(Enumerable.Repeat(sentence, 10));

        var pieces = TtsScriptSplitter.Split(script, Gbk, 200);

        Assert.Equal(script, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(Gbk.ByteCount(p), 1, 200));
        Assert.All(pieces, p => Assert.EndsWith("。", p, StringComparison.Ordinal));
        Assert.Equal(4, pieces.Count); // three sentences (162 bytes) per frame: 3 + 3 + 3 + 1
    }

    [Fact]
    public void Split_SentenceLongerThanAFrame_CutsAtCommasThenBetweenCharacters()
    {
        var clause = new string('雨', 30) + "，"; // 62 bytes
        var script = clause + clause + new string('风', 60) + "。";

        var pieces = TtsScriptSplitter.Split(script, Gbk, 100);

        Assert.Equal(script, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(Gbk.ByteCount(p), 1, 100));
        Assert.Equal(clause, pieces[0]); // the second clause does not fit beside the first
        Assert.StartsWith(clause, pieces[1], StringComparison.Ordinal); // then the over-long clause is cut between characters
    }

    [Fact]
    public void Split_ClosingQuoteAfterAnExclamation_StaysWithItsSentence()
    {
        var pieces = TtsScriptSplitter.Split("村干部说：“快撤离！”大家立即转移。", Gbk, 24);

        Assert.Equal(["村干部说：“快撤离！”", "大家立即转移。"], pieces);
    }

    [Fact]
    public void Split_Utf16SurrogatePairs_AreNeverCutInHalf()
    {
        var codec = TtsTextCodec.For(TtsTextEncoding.Utf16);
        var script = string.Concat(Enumerable.Repeat("𠀀", 10)); // 40 bytes, no punctuation

        var pieces = TtsScriptSplitter.Split(script, codec, 6);

        Assert.Equal(10, pieces.Count);
        Assert.All(pieces, p => Assert.Equal("𠀀", p));
    }

    [Fact]
    public void Split_TrailingWhitespaceOnly_AddsNoEmptyFrame()
    {
        var pieces = TtsScriptSplitter.Split("请注意。\n\n", Gbk, 200);

        Assert.Equal(["请注意。\n\n"], pieces);
    }
}
