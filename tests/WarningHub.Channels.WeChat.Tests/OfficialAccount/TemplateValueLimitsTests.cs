using WarningHub.Channels.WeChat.OfficialAccount;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

/// <summary>What WeChat shows of a value: one line, and 20 characters of a thing or keyword.</summary>
public class TemplateValueLimitsTests
{
    [Fact]
    public void Fit_ALongKeyword_KeepsNineteenCharactersAndAnEllipsis()
    {
        var fitted = TemplateValueLimits.Fit("keyword4", "请立即停止户外作业，远离河道、沟谷和山体，转移到安全地带。");

        Assert.Equal("请立即停止户外作业，远离河道、沟谷和山…", fitted);
        Assert.Equal(20, fitted.Length);
    }

    [Fact]
    public void Fit_ALineBreak_BecomesASpace_BecauseWeChatShowsNothingAfterIt()
    {
        Assert.Equal("远离河道。 转移到安全地带。", TemplateValueLimits.Fit("keyword3", "远离河道。\r\n\r\n转移到安全地带。\n"));
    }

    [Theory]
    [InlineData("time2", null)]
    [InlineData("keyword1", 20)]
    [InlineData("thing12", 20)]
    [InlineData("character_string3", 32)]
    [InlineData("phrase4", 5)]
    [InlineData("first", null)]
    [InlineData("keywords1", null)]
    public void MaxLength_KnowsWeChatsLimitPerKeyType(string key, int? expected)
    {
        Assert.Equal(expected, TemplateValueLimits.MaxLength(key));
    }

    [Fact]
    public void Build_ATestWarningWithALongHeadline_KeepsTheMarkInFrontOfTheCut()
    {
        var factory = new TemplateMessageFactory(Accounts.Options(new Uri("https://api.weixin.qq.com/")));
        var warning = Accounts.Warning(status: "Test");
        var fields = new Dictionary<string, string>(warning.Fields) { ["headline"] = "井研县气象台2024年7月1日10时发布暴雨红色预警信号" };

        var json = factory.Build(warning with { Fields = fields });

        Assert.Contains("\"keyword1\":{\"value\":\"【测试】井研县气象台2024年7月1日…\"}", json, StringComparison.Ordinal);
    }
}
