using WarningHub.Core.Acknowledgements;

namespace WarningHub.Core.Tests.Acknowledgements;

public sealed class AckReplyTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("１")]           // full-width digit
    [InlineData("收到")]
    [InlineData("已收到")]
    [InlineData("好")]
    [InlineData("ok")]
    [InlineData("OK")]
    [InlineData("Ok")]
    [InlineData("ＯＫ")]          // full-width letters
    [InlineData("ｏｋ")]
    [InlineData(" 收到。")]       // blanks and punctuation around it
    [InlineData("收到！")]
    [InlineData("【收到】")]
    [InlineData("1\r\n")]
    [InlineData("\u200b好")]      // a zero-width space some phones put in
    public void IsAnswer_TheAgreedRepliesInAnyWidthOrCase_AreAnswers(string text) => Assert.True(AckReply.IsAnswer(text));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("11")]
    [InlineData("不好")]
    [InlineData("收到了吗")]
    [InlineData("okay")]
    [InlineData("请问在哪里集合")]
    [InlineData(null)]
    public void IsAnswer_AnythingElse_IsNoAnswer(string? text) => Assert.False(AckReply.IsAnswer(text));
}
