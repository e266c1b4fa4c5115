using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Json;
using WarningHub.Channels.WeChat.OfficialAccount;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

public class TemplateMessageJsonTests
{
    private static readonly Uri Base = new("https://api.weixin.qq.com/");

    [Fact]
    public void Build_WritesTheDocumentedShape_WithChineseAsUtf8AndDataKeysInOrder()
    {
        var factory = new TemplateMessageFactory(Accounts.Options(Base));

        var json = factory.Build(Accounts.Warning());

        Assert.Equal(
            """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"tpl-default","data":{"keyword1":{"value":"井研县气象台发布暴雨红色预警信号"},"keyword2":{"value":"研城街道、马踏镇"},"keyword3":{"value":"请远离河道，转移到安全地带。"}}}""",
            Bodies.WithoutClientMsgId(json, reference: 1));
    }

    [Fact]
    public void Build_CarriesAClientMsgIdStablePerSlot_SoWeChatDropsAResendOfTheSameSlot()
    {
        var factory = new TemplateMessageFactory(Accounts.Options(Base));
        var warning = Accounts.Warning(reference: 42);
        var reworded = warning with { Fields = new Dictionary<string, string>(warning.Fields) { [MessageFields.Area] = "马踏镇" } };

        var (first, resend) = (ClientMsgId(factory.Build(warning)), ClientMsgId(factory.Build(Accounts.Warning(reference: 42))));
        var otherSlot = ClientMsgId(factory.Build(Accounts.Warning(reference: 43)));
        var otherLedgersSlot42 = ClientMsgId(factory.Build(reworded));

        Assert.StartsWith("wh42-", first, StringComparison.Ordinal);
        Assert.Equal(first, resend);
        Assert.NotEqual(first, otherSlot);
        Assert.NotEqual(first, otherLedgersSlot42);
    }

    [Fact]
    public void Build_WithADetailUrl_PutsUrlBeforeDataWithItsValuesEncoded()
    {
        var options = Accounts.Options(Base);
        options.DetailUrl = "https://yj.example.gov.cn/w/{warningId}?e={event}";
        var factory = new TemplateMessageFactory(options);

        var json = factory.Build(Accounts.Warning());

        Assert.StartsWith(
            """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"tpl-default","url":"https://yj.example.gov.cn/w/W-2024-0042?e=%E6%9A%B4%E9%9B%A8","client_msg_id":"wh1-""",
            json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exercise", "【演练】井研县气象台发布暴雨红色预警信号")]
    [InlineData("Test", "【测试】井研县气象台发布暴雨红色预警信号")]
    [InlineData("Actual", "井研县气象台发布暴雨红色预警信号")]
    public void Build_MarksTestAndExerciseWarningsInAFieldWeChatShows(string status, string shown)
    {
        var factory = new TemplateMessageFactory(Accounts.Options(Base));

        var json = factory.Build(Accounts.Warning(status: status));

        Assert.Contains($$"""
            "keyword1":{"value":"{{shown}}"}
            """.Trim(), json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("暴雨", "红色", "tpl-rain-red")]
    [InlineData("暴雨", "黄色", "tpl-rain")]
    [InlineData("大风", "红色", "tpl-red")]
    [InlineData("大风", "蓝色", "tpl-default")]
    public void SelectTemplate_TriesEventAndLevel_ThenEvent_ThenLevel_ThenTheDefault(string eventName, string level, string expected)
    {
        var options = Accounts.Options(Base);
        options.Templates["暴雨/红色"] = "tpl-rain-red";
        options.Templates["暴雨"] = "tpl-rain";
        options.Templates["*/红色"] = "tpl-red";
        var factory = new TemplateMessageFactory(options);

        var selected = factory.SelectTemplate(new Dictionary<string, string> { [MessageFields.Event] = eventName, [MessageFields.Level] = level });

        Assert.Equal(expected, selected);
    }

    [Fact]
    public void Build_ForACategoryTemplate_CutsThingValuesToTwentyCharacters()
    {
        var options = Accounts.Options(Base);
        options.FieldMap = new Dictionary<string, string> { ["thing1"] = "{statusMark}{area}{area}{area}", ["time2"] = "{area}{area}{area}" };
        var factory = new TemplateMessageFactory(options);

        var json = factory.Build(Accounts.Warning(status: "Exercise"));

        // 【演练】 + three times 研城街道、马踏镇 is 28 characters: a thing keeps 19 and an ellipsis; time is not cut.
        Assert.Contains("""
            "thing1":{"value":"【演练】研城街道、马踏镇研城街道、马踏…"}
            """.Trim(), json, StringComparison.Ordinal);
        Assert.Contains("""
            "time2":{"value":"研城街道、马踏镇研城街道、马踏镇研城街道、马踏镇"}
            """.Trim(), json, StringComparison.Ordinal);
    }

    private static string ClientMsgId(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("client_msg_id").GetString()!;
    }

    [Fact]
    public void Quote_EscapesOnlyWhatJsonRequires_AndKeepsCharactersOutsideTheBmp()
    {
        var quoted = JsonText.Quote("暴雨\"预警\"\\\n\t<b>&\u0001😀");

        Assert.Equal("\"暴雨\\\"预警\\\"\\\\\\n\\t<b>&😀\"", quoted);
        Assert.DoesNotContain("\\u", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_DropsALoneSurrogate()
    {
        Assert.Equal("\"ab\"", JsonText.Quote("a\ud83db"));
    }
}
