using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Configuration;

public class CmppRegistrationTests
{
    [Fact]
    public void AddCmppChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        // A distinct non-default value for every public property: an option added without binding support fails here.
        var values = new Dictionary<string, string?>();
        var defaults = new CmppOptions();
        foreach (var property in typeof(CmppOptions).GetProperties())
        {
            values["Cmpp:Mobile:" + property.Name] = property.PropertyType switch
            {
                // Values that also pass validation, since resolving the options validates them.
                _ when property.Name == nameof(CmppOptions.SourceAddr) => "901234",
                _ when property.Name == nameof(CmppOptions.SrcId) => "10657001",
                var t when t == typeof(string) => "v" + property.Name.Length.ToString(CultureInfo.InvariantCulture),
                var t when t == typeof(int) => "2",
                var t when t == typeof(bool) => property.GetValue(defaults) is true ? "False" : "True",
                var t when t == typeof(TimeSpan) => "00:00:07",
                var t => throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}."),
            };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddCmppChannel("mobile", configuration.GetSection("Cmpp:Mobile")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<CmppOptions>>().Get("mobile");
        foreach (var property in typeof(CmppOptions).GetProperties())
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Cmpp:Mobile:" + property.Name], Convert.ToString(property.GetValue(bound), CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Fact]
    public void AddCmppChannel_FromConfiguration_WithAMisspeltKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host"] = "ismg.example",
            ["SourceAddr"] = "901234",
            ["ShareSecret"] = "typo",
        }).Build();
        using var provider = new ServiceCollection().AddCmppChannel("mobile", configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<CmppOptions>>().Get("mobile"));

        Assert.Contains("ShareSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCmppChannel_TwoGateways_RegistersBothUnderEveryAdapterRole()
    {
        static void Valid(CmppOptions o) => (o.Host, o.SourceAddr, o.SharedSecret, o.SrcId) = ("127.0.0.1", "901234", "s", "10657001");
        var services = new ServiceCollection()
            .AddCmppChannel("mobile", Valid)
            .AddCmppChannel("province", Valid)
            .AddCmppChannel("mobile", o => o.Window = 8);
        await using var provider = services.BuildServiceProvider();

        var senders = provider.GetServices<ITextSender>().ToList();

        Assert.Equal(["cmpp:mobile", "cmpp:province"], senders.Select(s => s.Definition.Name));
        Assert.All(senders, s => Assert.Equal("sms", s.Definition.Channel));
        Assert.Equal(2, provider.GetServices<IReceiptSource>().Count());
        Assert.Equal(2, provider.GetServices<IChannelLifecycle>().Count());
        Assert.Equal(2, provider.GetServices<IGatewayHealth>().Count());
        Assert.Same(senders[0], provider.GetRequiredKeyedService<CmppGateway>("mobile"));
        Assert.Equal(8, senders[0].Definition.MaxInFlight);
        Assert.Single(provider.GetServices<IValidateOptions<CmppOptions>>());
    }

    [Fact]
    public void AddCmppChannel_WithInvalidOptions_FailsValidationWhenResolved()
    {
        using var provider = new ServiceCollection().AddCmppChannel("mobile", o => o.Host = "").BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextSender>());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(CmppOptions.SourceAddr), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(CmppOptions.Host), StringComparison.Ordinal));
    }
}
