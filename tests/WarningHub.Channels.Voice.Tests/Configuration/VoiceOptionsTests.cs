using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Channels.Voice.Tests.Support;

namespace WarningHub.Channels.Voice.Tests.Configuration;

public sealed class VoiceOptionsTests
{
    [Fact]
    public void GoodSettings_Pass() =>
        Assert.True(new VoiceGatewayOptionsValidator().Validate("test", Gateways.Options(new Uri("https://voice.example/call"))).Succeeded);

    [Fact]
    public void EveryBadSetting_IsNamed_WithTheGateway()
    {
        var bad = new VoiceGatewayOptions
        {
            Url = new Uri("ftp://voice.example/"),
            CallbackUrl = new Uri("file:///tmp/x"),
            Auth = VoiceAuth.HeaderKey,
            Secret = "short",
            ApiKey = "",
            ApiKeyHeader = "X Key",
            CallerId = "12ab",
            TtsTemplate = "请按1",
            RateLimitPerSecond = 0,
            Timeout = TimeSpan.Zero,
            MaxCallDuration = TimeSpan.FromHours(1),
            PlaybackRepeats = 9,
        };

        var failures = new VoiceGatewayOptionsValidator().Validate("unicom", bad).Failures!.ToList();

        string[] settings = [nameof(bad.Url), nameof(bad.CallbackUrl), nameof(bad.Secret), nameof(bad.ApiKey), nameof(bad.ApiKeyHeader), nameof(bad.CallerId),
            nameof(bad.TtsTemplate), nameof(bad.RateLimitPerSecond), nameof(bad.Timeout), nameof(bad.MaxCallDuration), nameof(bad.PlaybackRepeats)];
        Assert.Equal(settings.Length, failures.Count);
        Assert.All(settings, s => Assert.Contains(failures, f => f.StartsWith($"voice gateway 'unicom': {s} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingUrlAndCallerId_AreNamed()
    {
        var failures = new VoiceGatewayOptionsValidator().Validate("x", new VoiceGatewayOptions { Secret = Gateways.Secret }).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("Url must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CallerId must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_BindsEveryKey_AndServesTheVoiceChannelAndItsCallback()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Url"] = "http://127.0.0.1:9/call",
            ["Auth"] = "HeaderKey",
            ["Secret"] = Gateways.Secret,
            ["ApiKey"] = "k",
            ["ApiKeyHeader"] = "X-K",
            ["CallerId"] = "12379",
            ["TtsTemplate"] = "{text}，按1",
            ["RateLimitPerSecond"] = "3",
            ["Timeout"] = "00:00:05",
            ["MaxCallDuration"] = "00:00:40",
            ["PlaybackRepeats"] = "1",
            ["CallbackUrl"] = "http://127.0.0.1:8/cb",
        }).Build();
        var services = new ServiceCollection();
        services.AddVoiceGateway("unicom", config);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<VoiceGatewayOptions>>().Get("unicom");
        var sender = Assert.Single(provider.GetServices<ITextSender>());

        Assert.Equal((VoiceAuth.HeaderKey, "k", "X-K", "12379", "{text}，按1", 3), (options.Auth, options.ApiKey, options.ApiKeyHeader, options.CallerId, options.TtsTemplate, options.RateLimitPerSecond));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40), 1), (options.Timeout, options.MaxCallDuration, options.PlaybackRepeats));
        Assert.Equal(new Uri("http://127.0.0.1:8/cb"), options.CallbackUrl);
        Assert.Equal("voice", sender.Definition.Channel);
        Assert.NotNull(provider.GetKeyedService<VoiceCallback>("unicom"));
    }

    [Fact]
    public void AMisspeltKey_IsAnError()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Url"] = "http://127.0.0.1:9/", ["CallerID2"] = "1" }).Build();
        var services = new ServiceCollection();
        services.AddVoiceGateway("unicom", config);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<VoiceGatewayOptions>>().Get("unicom"));

        Assert.Contains("CallerID2", ex.Message, StringComparison.Ordinal);
    }
}
