using Microsoft.Extensions.Configuration;
using WarningHub.Server.Configuration;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `serve` on a public address with the shipped sample credentials (issue 11: the README's sample key released a red
/// warning from another host, and the sample link secret forged a broadcaster's "played").
/// </summary>
public sealed class SampleSecretsTests
{
    [Fact]
    public async Task Serve_OnANonLoopbackAddress_WithTheShippedSettings_NamesEverySampleCredential_ExitsTwo_AndCreatesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-samples-");
        try
        {
            var config = Path.Combine(Repo.Root, "config", "warninghub.json");
            var environment = new Dictionary<string, string?>
            {
                // One key replaced the documented way: it is no longer named.
                ["WarningHub__Hub__Agencies__1__ApiKey"] = "a-real-key-of-the-water-bureau-7f3a9c",
                ["ASPNETCORE_URLS"] = null,
            };

            var run = await CliProcess.RunAsync(folder.FullName, environment, TimeSpan.FromMinutes(2),
                "serve", "--config", config, "--urls", "http://0.0.0.0:0");

            Assert.True(run.ExitCode == 2, run.ToString());
            foreach (var setting in new[]
            {
                "WarningHub:Hub:Agencies:0:ApiKey", "WarningHub:Hub:Agencies:2:ApiKey", "WarningHub:Hub:Agencies:3:ApiKey",
                "WarningHub:Engine:LinkSecret", "WarningHub:Sms:Smpp:mobile:Password",
            })
            {
                Assert.Contains($"{setting}: still has a sample value", run.Error, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("Agencies:1:ApiKey", run.Error, StringComparison.Ordinal);
            Assert.Contains("http://0.0.0.0:0", run.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder.FullName, "data")), "a refused start must not create the database");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.3.4.5:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://192.168.1.20:8080", false)]
    [InlineData("https://hub.example:443", false)]
    public void IsLoopback_TellsLoopbackFromEveryOtherAddress(string url, bool loopback) =>
        Assert.Equal(loopback, SampleSecrets.IsLoopback(url));

    [Fact]
    public void Errors_OnLoopback_AreNone_ButAnyPublicAddressAmongSeveral_NamesEachSampleOfEveryKind()
    {
        var settings = new Dictionary<string, string?>
        {
            ["WarningHub:Hub:Agencies:0:ApiKey"] = "replace-me-weather-0000000000000000",
            ["WarningHub:Hub:Agencies:0:Webhook:Url"] = "https://weather.example/hook",
            ["WarningHub:Hub:Agencies:0:Webhook:Secret"] = "replace-me-webhook-secret",
            ["WarningHub:Engine:LinkSecret"] = "a-real-link-secret-0123456789",
            ["WarningHub:Sms:Cmpp:mobile:SharedSecret"] = "Secret",
            ["WarningHub:WeChat:county:AppSecret"] = "replace-me",
            ["WarningHub:WeChat:county:CallbackToken"] = "replaceme2024",
            ["WarningHub:WeChat:county:EncodingAesKey"] = "replace-me-aes-key",
            ["WarningHub:WeCom:Robots:511124100000"] = "replace-me-robot-key",
            ["WarningHub:Tv:Channels:0:CallbackSecret"] = "secret",
            ["WarningHub:WeChat:county:DefaultTemplateId"] = "replace-me-template-id", // not a credential
        };
        var loopback = new ConfigurationBuilder().AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:8080;http://localhost:8081" }).Build();
        var exposed = new ConfigurationBuilder().AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:8080", ["Kestrel:Endpoints:lan:Url"] = "http://10.0.0.5:80" }).Build();

        Assert.Empty(SampleSecrets.Errors(loopback));
        var errors = SampleSecrets.Errors(exposed);
        Assert.Equal(
            ["Hub:Agencies:0:ApiKey", "Hub:Agencies:0:Webhook:Secret", "Sms:Cmpp:mobile:SharedSecret", "WeChat:county:AppSecret", "WeChat:county:CallbackToken",
             "WeChat:county:EncodingAesKey", "WeCom:Robots:511124100000", "Tv:Channels:0:CallbackSecret"],
            errors.Select(e => e[("WarningHub:".Length)..e.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Errors_OnAPublicAddress_NameVoiceSecretsAndApiKeys_AndSgipAndSmgpPasswords_LeftAtSampleValues()
    {
        var exposed = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:8080",
            ["WarningHub:Sms:Sgip:unicom:LoginPassword"] = "secret",
            ["WarningHub:Sms:Sgip:unicom:SmgLoginPassword"] = "replace-me-smg-password",
            ["WarningHub:Sms:Sgip:unicom2:LoginPassword"] = "a-real-sgip-password-41c9", // changed: not named
            ["WarningHub:Sms:Smgp:telecom:SharedSecret"] = "replaceme",
            ["WarningHub:Voice:county:Secret"] = "replace-me-voice-secret",
            ["WarningHub:Voice:county:ApiKey"] = "Secret",
            ["WarningHub:Voice:county:ApiKeyHeader"] = "replace-me-header", // a header name, not a credential
            ["WarningHub:Voice:backup:Secret"] = "a-real-voice-secret-7e21", // changed: not named
            ["WarningHub:Voice:backup:ApiKey"] = "replace-me-backup-key",
        }).Build();

        var errors = SampleSecrets.Errors(exposed);

        Assert.Equal(
            ["Sms:Sgip:unicom:LoginPassword", "Sms:Sgip:unicom:SmgLoginPassword", "Sms:Smgp:telecom:SharedSecret",
             "Voice:county:Secret", "Voice:backup:ApiKey", "Voice:county:ApiKey"],
            errors.Select(e => e[("WarningHub:".Length)..e.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.All(errors, e => Assert.Contains("http://0.0.0.0:8080, which is not a loopback address", e, StringComparison.Ordinal));
    }
}
