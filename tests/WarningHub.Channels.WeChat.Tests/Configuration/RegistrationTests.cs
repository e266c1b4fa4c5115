using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.WeChat.Tests.Configuration;

public class RegistrationTests
{
    [Fact]
    public void AddWeChatOfficialAccount_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        var values = new Dictionary<string, string?>();
        var defaults = new WeChatOfficialAccountOptions();
        foreach (var property in typeof(WeChatOfficialAccountOptions).GetProperties())
        {
            var key = "WeChat:County:" + property.Name;
            switch (property.PropertyType)
            {
                case var t when t == typeof(string):
                    values[key] = property.Name switch
                    {
                        nameof(WeChatOfficialAccountOptions.DetailUrl) => "https://yj.example.gov.cn/{warningId}",
                        nameof(WeChatOfficialAccountOptions.EncodingAesKey) => "vEncodingAesKey0123456789abcdefghijklmnopqA",
                        _ => "v" + property.Name,
                    };
                    break;
                case var t when t == typeof(int):
                    values[key] = "2048";
                    break;
                case var t when t == typeof(TimeSpan):
                    values[key] = "00:00:07";
                    break;
                case var t when t == typeof(Uri):
                    values[key] = "http://127.0.0.1:8081/";
                    break;
                case var t when t == typeof(Dictionary<string, string>):
                    values[key + (property.Name == nameof(WeChatOfficialAccountOptions.FieldMap) ? ":keyword1" : ":暴雨/红色")] = "{statusMark}" + property.Name;
                    break;
                case var t:
                    throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}.");
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddWeChatOfficialAccount("county", configuration.GetSection("WeChat:County")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<WeChatOfficialAccountOptions>>().Get("county");
        foreach (var property in typeof(WeChatOfficialAccountOptions).GetProperties())
        {
            var value = property.GetValue(bound);
            if (value is Dictionary<string, string> map)
            {
                Assert.Equal("{statusMark}" + property.Name, Assert.Single(map).Value);
                continue;
            }

            Assert.NotEqual(property.GetValue(defaults), value);
            Assert.Equal(values["WeChat:County:" + property.Name], Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void AddWeComRobots_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeCom:ApiBase"] = "http://127.0.0.1:8082/",
            ["WeCom:Robots:511124100000"] = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
            ["WeCom:PerRobotPerMinute"] = "12",
            ["WeCom:Mentions:511124100000:0"] = "13900000001",
            ["WeCom:Mentions:511124100000:1"] = "@all",
            ["WeCom:Markdown"] = "true",
            ["WeCom:MaxWait"] = "00:00:03",
            ["WeCom:RequestTimeout"] = "00:00:04",
        }).Build();
        using var provider = new ServiceCollection().AddWeComRobots(configuration.GetSection("WeCom")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptions<WeComRobotOptions>>().Value;

        Assert.Equal(7, typeof(WeComRobotOptions).GetProperties().Length);
        Assert.Equal(["13900000001", "@all"], bound.Mentions["511124100000"]);
        Assert.Equal(
            ("http://127.0.0.1:8082/", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", 12, true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)),
            (bound.ApiBase.ToString(), bound.Robots["511124100000"], bound.PerRobotPerMinute, bound.Markdown, bound.MaxWait, bound.RequestTimeout));
    }

    [Theory]
    [InlineData("WeChat")]
    [InlineData("WeCom")]
    public void Registration_WithAMisspeltKey_FailsInsteadOfIgnoringIt(string which)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RatePerSecnd"] = "10",
        }).Build();
        var services = new ServiceCollection();
        using var provider = (which == "WeChat"
            ? services.AddWeChatOfficialAccount("county", configuration)
            : services.AddWeComRobots(configuration)).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => which == "WeChat"
            ? provider.GetRequiredService<IOptionsMonitor<WeChatOfficialAccountOptions>>().Get("county")
            : (object)provider.GetRequiredService<IOptions<WeComRobotOptions>>().Value);

        Assert.Contains("RatePerSecnd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWeChatOfficialAccount_TwoAccountsAndRobots_RegisterUnderEveryAdapterInterface()
    {
        var services = new ServiceCollection()
            .AddWeChatOfficialAccount("county", o => Fill(o, "wx0000000000000001"))
            .AddWeChatOfficialAccount("town", o => Fill(o, "wx0000000000000002"))
            .AddWeChatOfficialAccount("county", o => o.RatePerSecond = 7)
            .AddWeComRobots(o => o.Robots["511124100000"] = "key-1")
            .AddWeComRobots(o => o.MaxWait = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var senders = provider.GetServices<ITextSender>().ToList();

        Assert.Equal(["wechat-oa:county", "wechat-oa:town", "wecom"], senders.Select(s => s.Definition.Name));
        Assert.Equal(["wechat", "wechat", "wecom"], senders.Select(s => s.Definition.Channel));
        Assert.Equal(["wechat-oa:county", "wechat-oa:town", "wecom"], provider.GetServices<IReceiptSource>().Select(s => s.Definition.Name));
        Assert.Equal(2, provider.GetServices<IChannelLifecycle>().Count());
        Assert.Equal(3, provider.GetServices<IChannelAdapter>().Count());
        Assert.Same(provider.GetRequiredKeyedService<WeChatOfficialAccount>("county").Callback, provider.GetRequiredKeyedService<WeChatCallback>("county"));
        Assert.Equal("town", provider.GetRequiredKeyedService<WeChatCallback>("town").Account);
        Assert.Null(provider.GetKeyedService<WeChatCallback>("nobody"));
        Assert.Single(provider.GetServices<IAccessTokenCache>());
        Assert.Single(provider.GetServices<IValidateOptions<WeChatOfficialAccountOptions>>());
        Assert.Equal(["511124100000"], provider.GetRequiredService<WeComRobots>().Addresses);
    }

    [Fact]
    public void AddWeChatOfficialAccount_WithInvalidOptions_FailsValidationWhenResolved()
    {
        using var provider = new ServiceCollection().AddWeChatOfficialAccount("county", _ => { }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextSender>());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(WeChatOfficialAccountOptions.AppId), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(WeChatOfficialAccountOptions.FieldMap), StringComparison.Ordinal));
    }

    private static void Fill(WeChatOfficialAccountOptions o, string appId)
    {
        var sample = Support.Accounts.Options(new Uri("https://api.weixin.qq.com/"));
        (o.AppId, o.AppSecret, o.CallbackToken, o.DefaultTemplateId, o.FieldMap) = (appId, sample.AppSecret, sample.CallbackToken, sample.DefaultTemplateId, sample.FieldMap);
    }
}
