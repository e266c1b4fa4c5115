using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http.Tests.Configuration;

/// <summary>Settings of "WarningHub:Sms:Http:&lt;name&gt;": every bad one named, no key silently dropped, the adapter registered under its roles.</summary>
public sealed class HttpSmsConfigurationTests
{
    [Fact]
    public void Validate_ACloudGatewayWithBadValues_NamesEachBadSetting()
    {
        var options = new HttpSmsOptions
        {
            Profile = HttpSmsProfile.Cloud,
            Url = "ftp://sms.example/",
            MaxBatch = 1001,
            RateLimitPerSecond = -1,
            Timeout = TimeSpan.Zero,
            Receipts = HttpSmsReceipts.Callback,
        };

        var result = new HttpSmsOptionsValidator().Validate("cloud", options);

        Assert.True(result.Failed);
        foreach (var setting in new[] { "Url", "AccessKeyId", "AccessKeySecret", "SignName", "TemplateCode", "MaxBatch", "RateLimitPerSecond", "Timeout", "Receipts", "CallbackToken" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith($"HTTP SMS gateway 'cloud': {setting} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_AGenericGateway_NeedsPhoneAndTextPlaceholders_AndKnowsNoOthers()
    {
        var options = new HttpSmsOptions { Url = "https://sms.example/send", Fields = { ["mobile"] = "{mobile}", ["content"] = "{text}" }, MaxBatch = 5 };

        var failures = new HttpSmsOptionsValidator().Validate("generic", options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("Fields must place {phone}, {phones} or {phoneArray}", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("mobile has the unknown placeholder {mobile}", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ResultsPath is required when MaxBatch is above 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AKannelGateway_WithItsCredentialsAndToken_Succeeds()
    {
        var options = new HttpSmsOptions
        {
            Profile = HttpSmsProfile.Kannel,
            Url = "http://10.0.0.5:13013",
            Username = "warninghub",
            Password = "p4ss-of-the-county",
            CallbackToken = "a-callback-token-of-32-characters",
        };

        var result = new HttpSmsOptionsValidator().Validate("kannel", options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void AddHttpSmsChannel_FromConfiguration_RegistersTheGatewayUnderItsRoles_AndRefusesAMisspeltKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Profile"] = "Cloud",
            ["Url"] = "https://sms.example/",
            ["AccessKeyId"] = "key",
            ["AccessKeySecret"] = "secret-of-the-account",
            ["SignName"] = "井研县应急管理局",
            ["TemplateCode"] = "SMS_1",
            ["RateLimitPerSecond"] = "20",
        }).Build();
        var services = new ServiceCollection().AddHttpSmsChannel("cloud", configuration).BuildServiceProvider();

        var sender = Assert.Single(services.GetServices<ITextSender>());
        Assert.Equal("http:cloud", sender.Definition.Name);
        Assert.IsType<HttpSmsGateway>(Assert.Single(services.GetServices<IReceiptSource>()));
        Assert.Equal(20 * 1000, Assert.IsAssignableFrom<ISendCapacity>(sender).PartsPerSecond);

        var typo = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Url"] = "https://sms.example/", ["SignNmae"] = "x" }).Build();
        var broken = new ServiceCollection().AddHttpSmsChannel("typo", typo).BuildServiceProvider();
        var error = Assert.ThrowsAny<InvalidOperationException>(() => broken.GetRequiredService<IOptionsMonitor<HttpSmsOptions>>().Get("typo"));
        Assert.Contains("SignNmae", error.Message, StringComparison.Ordinal);
    }
}
