using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.WeCom;

namespace WarningHub.Channels.WeChat.Tests.WeCom;

public class WeComMessageJsonTests
{
    private const string Text = "【井研县应急管理局】暴雨红色预警：请各村立即组织转移并回复叫应。";

    [Fact]
    public void Build_TextWithMentions_WritesTheDocumentedShape()
    {
        var (json, _, maxBytes, dropped) = WeComMessageFactory.Build(Message(("mentionedMobiles", "13800001111,13900002222")), markdown: false);

        Assert.Equal(
            """{"msgtype":"text","text":{"content":"【井研县应急管理局】暴雨红色预警：请各村立即组织转移并回复叫应。","mentioned_mobile_list":["13800001111","13900002222"]}}""",
            json);
        Assert.Equal(2048, maxBytes);
        Assert.Empty(dropped);
    }

    [Fact]
    public void Build_TextWithoutMentions_LeavesTheListOut()
    {
        var (json, _, _, _) = WeComMessageFactory.Build(Message(), markdown: false);

        Assert.Equal("""{"msgtype":"text","text":{"content":"【井研县应急管理局】暴雨红色预警：请各村立即组织转移并回复叫应。"}}""", json);
    }

    [Fact]
    public void Build_Markdown_PutsTheHeadlineInBoldFirst()
    {
        var (json, _, maxBytes, _) = WeComMessageFactory.Build(Message((MessageFields.Headline, "井研县暴雨红色预警")), markdown: true);

        Assert.Equal("""{"msgtype":"markdown","markdown":{"content":"**井研县暴雨红色预警**\n【井研县应急管理局】暴雨红色预警：请各村立即组织转移并回复叫应。"}}""", json);
        Assert.Equal(4096, maxBytes);
    }

    [Fact]
    public void Build_MarkdownWithMobilesToMention_FallsBackToText()
    {
        var (json, _, _, _) = WeComMessageFactory.Build(Message(("mentionedMobiles", "13800001111")), markdown: true);

        Assert.StartsWith("""{"msgtype":"text","text":""", json, StringComparison.Ordinal);
        Assert.Contains("\"mentioned_mobile_list\":[\"13800001111\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MentionsSplitOnChinesePunctuationDropDuplicatesAndNonMobiles()
    {
        var (json, _, _, dropped) = WeComMessageFactory.Build(
            Message(("mentionedMobiles", "13800001111， 13800001111；张三,@all,12")), markdown: false);

        Assert.Contains("\"mentioned_mobile_list\":[\"13800001111\",\"@all\"]", json, StringComparison.Ordinal);
        Assert.Equal(["张三", "12"], dropped);
    }

    [Fact]
    public void Build_WithTheRobotsConfiguredMentions_MentionsThemWithoutAnyField()
    {
        var (json, _, _, _) = WeComMessageFactory.Build(Message(), markdown: true, configuredMentions: ["13900000001", "@all"]);

        Assert.StartsWith("""{"msgtype":"text","text":""", json, StringComparison.Ordinal);
        Assert.Contains("\"mentioned_mobile_list\":[\"13900000001\",\"@all\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithConfiguredMentionsAndTheField_MentionsTheConfiguredFirstThenTheFieldsWithoutRepeats()
    {
        var (json, _, _, _) = WeComMessageFactory.Build(Message(("mentionedMobiles", "13900000002,13900000001")), markdown: false,
            configuredMentions: ["13900000001"]);

        Assert.Contains("\"mentioned_mobile_list\":[\"13900000001\",\"13900000002\"]", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exercise", "【演练】")]
    [InlineData("Test", "【测试】")]
    public void Build_ForTestAndExerciseWarnings_MarksTheContent(string status, string mark)
    {
        var (json, _, _, _) = WeComMessageFactory.Build(Message((MessageFields.Status, status)), markdown: false);

        Assert.Contains($"\"content\":\"{mark}【井研县应急管理局】", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NeverUsesUnicodeEscapes_WhichWeComRefusesWith40033()
    {
        var (json, _, _, _) = WeComMessageFactory.Build(new TextMessage(1, "town", "山洪⚠️😀 \"注意\" <转移>"), markdown: false);

        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("山洪⚠️😀 \\\"注意\\\" <转移>", json, StringComparison.Ordinal);
    }

    private static TextMessage Message(params (string Key, string Value)[] fields) =>
        new(1, "511124100000", Text) { Fields = fields.ToDictionary(f => f.Key, f => f.Value) };
}
