namespace WarningHub.Channels.WeChat.Tests.Configuration;

public class OptionsValidatorTests
{
    [Fact]
    public void OfficialAccount_ValidOptions_Pass()
    {
        var result = new WeChatOfficialAccountOptionsValidator().Validate("county", Support.Accounts.Options(new Uri("https://api.weixin.qq.com/")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=", false)]
    [InlineData("replace-me-aes-key", false)]
    public void OfficialAccount_EncodingAesKey_MustBeFortyThreeBase64Characters(string key, bool valid)
    {
        var options = Support.Accounts.Options(new Uri("https://api.weixin.qq.com/"));
        options.EncodingAesKey = key;

        var result = new WeChatOfficialAccountOptionsValidator().Validate("county", options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains(nameof(options.EncodingAesKey), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OfficialAccount_ReportsEveryFailureAtOnce_NamingEachProperty()
    {
        var options = new WeChatOfficialAccountOptions
        {
            AppId = "",
            AppSecret = "with space",
            ApiBase = new Uri("ftp://api.weixin.qq.com/"),
            CallbackToken = "x!",
            DefaultTemplateId = "",
            Templates = new Dictionary<string, string> { ["暴雨"] = "" },
            FieldMap = new Dictionary<string, string> { ["first"] = "{headline" },
            DetailUrl = "not a url {warningId}",
            RatePerSecond = 0,
            TokenRefreshMargin = TimeSpan.FromHours(3),
            RequestTimeout = TimeSpan.Zero,
            MaxInFlight = 0,
            CallbackMaxBytes = 10,
        };

        var result = new WeChatOfficialAccountOptionsValidator().Validate("county", options);

        var failures = result.Failures!.ToList();
        foreach (var property in new[]
                 {
                     nameof(options.AppId), nameof(options.AppSecret), nameof(options.ApiBase), nameof(options.CallbackToken),
                     nameof(options.DefaultTemplateId), nameof(options.Templates), nameof(options.FieldMap), nameof(options.DetailUrl),
                     nameof(options.RatePerSecond), nameof(options.TokenRefreshMargin), nameof(options.RequestTimeout),
                     nameof(options.MaxInFlight), nameof(options.CallbackMaxBytes),
                 })
        {
            Assert.Contains(failures, f => f.Contains($": {property} ", StringComparison.Ordinal));
        }

        Assert.All(failures, f => Assert.StartsWith("WeChat official account 'county': ", f, StringComparison.Ordinal));
    }

    [Fact]
    public void OfficialAccount_AFieldMapWithoutStatusMark_IsRefused_SoTestWarningsCannotLookReal()
    {
        var options = Support.Accounts.Options(new Uri("https://api.weixin.qq.com/"));
        options.FieldMap = new Dictionary<string, string> { ["first"] = "{headline}" };

        var result = new WeChatOfficialAccountOptionsValidator().Validate("county", options);

        Assert.Contains(result.Failures!, f => f.Contains("{statusMark}", StringComparison.Ordinal));
    }

    [Fact]
    public void WeCom_ReportsEveryFailureAtOnce_NamingEachProperty()
    {
        var options = new WeComRobotOptions
        {
            ApiBase = new Uri("https://qyapi.weixin.qq.com/cgi-bin?x=1"),
            Robots = new Dictionary<string, string> { ["511124100000"] = "key with space&more" },
            PerRobotPerMinute = 21,
            MaxWait = TimeSpan.FromMinutes(5),
            RequestTimeout = TimeSpan.Zero,
        };

        var failures = new WeComRobotOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var property in new[]
                 {
                     nameof(options.ApiBase), nameof(options.Robots), nameof(options.PerRobotPerMinute), nameof(options.MaxWait), nameof(options.RequestTimeout),
                 })
        {
            Assert.Contains(failures, f => f.Contains($": {property} ", StringComparison.Ordinal));
        }

        Assert.Equal(5, failures.Count);
    }

    [Fact]
    public void WeCom_MentionsOfAnUnknownRobotOrEntriesThatAreNotMobiles_AreRefusedNamingTheSettingButNotTheNumber()
    {
        var options = new WeComRobotOptions
        {
            Robots = new Dictionary<string, string> { ["511124100000"] = "key-1" },
            Mentions = new()
            {
                ["511124100000"] = ["13900000001", "张三", "@all"],
                ["511124999000"] = ["@all"],
            },
        };

        var failures = new WeComRobotOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains(": Mentions:511124100000:1 must be a mobile number", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(": Mentions:511124999000 names no robot", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("张三", StringComparison.Ordinal) || f.Contains("13900000001", StringComparison.Ordinal));
    }

    [Fact]
    public void WeCom_WithoutRobots_IsRefused()
    {
        var failures = new WeComRobotOptionsValidator().Validate(null, new WeComRobotOptions()).Failures!;

        Assert.Contains(failures, f => f.Contains(nameof(WeComRobotOptions.Robots), StringComparison.Ordinal));
    }
}
