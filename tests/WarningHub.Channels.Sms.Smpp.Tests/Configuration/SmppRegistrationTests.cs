using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smpp.Tests.Configuration;

public class SmppRegistrationTests
{
    [Fact]
    public void AddSmppChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        // A distinct non-default value for every public property: adding an option without binding support fails here.
        var values = new Dictionary<string, string?>();
        var defaults = new SmppOptions();
        foreach (var property in typeof(SmppOptions).GetProperties())
        {
            var value = property.PropertyType switch
            {
                var t when t == typeof(string) => "v" + property.Name.Length.ToString(CultureInfo.InvariantCulture),
                var t when t == typeof(int) => property.Name == nameof(SmppOptions.ConcatenationReferenceBits) ? "8" : "7",
                var t when t == typeof(byte) => "3",
                var t when t == typeof(bool) => (bool)property.GetValue(defaults)! ? "false" : "true",
                var t when t == typeof(TimeSpan) => "00:00:07",
                var t when t == typeof(SmppBindMode) => nameof(SmppBindMode.Transmitter),
                var t when t == typeof(ReceiptIdFormat) => nameof(ReceiptIdFormat.DecimalToHex),
                var t => throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}."),
            };
            values["Smpp:Mobile:" + property.Name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddSmppChannel("mobile", configuration.GetSection("Smpp:Mobile")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<SmppOptions>>().Get("mobile");
        foreach (var property in typeof(SmppOptions).GetProperties())
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Smpp:Mobile:" + property.Name], Convert.ToString(property.GetValue(bound), CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Fact]
    public void AddSmppChannel_FromConfiguration_WithAMisspeltKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host"] = "smsc.example",
            ["SystemId"] = "jingyan",
            ["RateLimitPerSecnd"] = "100",
        }).Build();
        using var provider = new ServiceCollection().AddSmppChannel("mobile", configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<SmppOptions>>().Get("mobile"));

        Assert.Contains("RateLimitPerSecnd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSmppChannel_TwoGateways_RegistersBothUnderEveryAdapterInterface()
    {
        var services = new ServiceCollection()
            .AddSmppChannel("mobile", o => (o.Host, o.SystemId) = ("127.0.0.1", "a"))
            .AddSmppChannel("unicom", o => (o.Host, o.SystemId) = ("127.0.0.1", "b"))
            .AddSmppChannel("mobile", o => o.Window = 16);
        await using var provider = services.BuildServiceProvider();

        var senders = provider.GetServices<ITextSender>().ToList();

        Assert.Equal(["smpp:mobile", "smpp:unicom"], senders.Select(s => s.Definition.Name));
        Assert.All(senders, s => Assert.Equal("sms", s.Definition.Channel));
        Assert.Equal(2, provider.GetServices<IReceiptSource>().Count());
        Assert.Equal(2, provider.GetServices<IChannelLifecycle>().Count());
        Assert.Same(senders[0], provider.GetRequiredKeyedService<SmppGateway>("mobile"));
        Assert.Equal(16, senders[0].Definition.MaxInFlight);
        Assert.Single(provider.GetServices<IValidateOptions<SmppOptions>>());
    }

    [Fact]
    public void AddSmppChannel_WithInvalidOptions_FailsValidationWhenResolved()
    {
        using var provider = new ServiceCollection().AddSmppChannel(o => o.Host = "").BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextSender>());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(SmppOptions.SystemId), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(SmppOptions.Host), StringComparison.Ordinal));
    }
}
