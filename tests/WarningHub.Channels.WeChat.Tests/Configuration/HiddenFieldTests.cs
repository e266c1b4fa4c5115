using Microsoft.Extensions.Configuration;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.Configuration;

/// <summary>
/// Regression: the shipped field map put the Test/Exercise mark and the headline in <c>first</c> and the instruction in
/// <c>remark</c>, which WeChat stopped showing in May 2023: followers saw neither what to do nor that a warning was a test.
/// </summary>
public class HiddenFieldTests
{
    [Fact]
    public void Validate_TheFormerlyShippedMap_IsRefusedNamingEachHiddenSettingAndWhatItHolds()
    {
        var options = Options(new()
        {
            ["first"] = "{statusMark}{headline}",
            ["keyword1"] = "{event}{level}预警",
            ["keyword2"] = "{area}",
            ["remark"] = "{instruction}",
        });

        var failures = Validate(options);

        Assert.Contains(failures, f => f.Contains(": FieldMap:first must not hold {statusMark}", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(": FieldMap:first must not hold {headline}", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(": FieldMap:remark must not hold {instruction}", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(": FieldMap must open a shown field (not first or remark) with {statusMark}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("first", "{text}")]
    [InlineData("remark", "详情：{statusMark}")]
    [InlineData("remark", "{headline}")]
    public void Validate_AnythingAFollowerMustReadInAHiddenField_IsRefused(string key, string pattern)
    {
        var options = Options(new() { ["keyword1"] = "{statusMark}{event}", [key] = pattern });

        Assert.Contains(Validate(options), f => f.Contains($": FieldMap:{key} must not hold", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AHiddenFieldWithNothingThatMustBeRead_IsAccepted()
    {
        var options = Options(new() { ["keyword1"] = "{statusMark}{headline}", ["remark"] = "{senderName}" });

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_AMarkThatDoesNotOpenItsField_IsRefused_BecauseACutWouldDropIt()
    {
        var options = Options(new() { ["keyword1"] = "{headline}{statusMark}" });

        Assert.Contains(Validate(options), f => f.Contains(": FieldMap must open a shown field", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AMarkInAPhraseField_IsRefused_BecauseFiveCharactersCannotHoldIt()
    {
        var options = Options(new() { ["phrase1"] = "{statusMark}{level}" });

        Assert.Contains(Validate(options), f => f.Contains(": FieldMap:phrase1 is too short for {statusMark}", StringComparison.Ordinal));
    }

    [Fact]
    public void TheShippedSampleConfiguration_PassesTheValidator()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Repository.PathOf("config", "examples", "channels.json")).Build();
        var options = new WeChatOfficialAccountOptions();
        configuration.GetSection("WarningHub:WeChat:county").Bind(options, o => o.ErrorOnUnknownConfiguration = true);

        Assert.Empty(Validate(options));
        Assert.DoesNotContain(options.FieldMap.Keys, k => k is "first" or "remark");
    }

    [Fact]
    public void TheShippedSampleConfiguration_OfTheRobots_PassesTheValidator()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Repository.PathOf("config", "examples", "channels.json")).Build();
        var options = new WeComRobotOptions();
        configuration.GetSection("WarningHub:WeCom").Bind(options, o => o.ErrorOnUnknownConfiguration = true);

        Assert.True(new WeComRobotOptionsValidator().Validate(null, options).Succeeded);
        Assert.NotEmpty(options.Mentions);
    }

    private static WeChatOfficialAccountOptions Options(Dictionary<string, string> map)
    {
        var options = Accounts.Options(new Uri("https://api.weixin.qq.com/"));
        options.FieldMap = map;
        return options;
    }

    private static List<string> Validate(WeChatOfficialAccountOptions options) =>
        [.. new WeChatOfficialAccountOptionsValidator().Validate("county", options).Failures ?? []];
}
