using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smgp.Tests.Configuration;

public class SmgpConfigurationTests
{
    [Fact]
    public void AddSmgpChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        var values = new Dictionary<string, string?>();
        var defaults = new SmgpOptions();
        foreach (var property in typeof(SmgpOptions).GetProperties())
        {
            values["Smgp:Telecom:" + property.Name] = property.PropertyType switch
            {
                _ when property.Name == nameof(SmgpOptions.SrcTermId) => "10620001",
                var t when t == typeof(string) => "v" + property.Name.Length.ToString(CultureInfo.InvariantCulture),
                var t when t == typeof(int) => "2",
                var t when t == typeof(bool) => property.GetValue(defaults) is true ? "False" : "True",
                var t when t == typeof(TimeSpan) => "00:00:07",
                var t => throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}."),
            };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddSmgpChannel("telecom", configuration.GetSection("Smgp:Telecom")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<SmgpOptions>>().Get("telecom");
        foreach (var property in typeof(SmgpOptions).GetProperties())
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Smgp:Telecom:" + property.Name], Convert.ToString(property.GetValue(bound), CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Fact]
    public void Validator_ListsEveryProblem_EachNamingItsSetting()
    {
        var options = new SmgpOptions { Port = 0, ClientId = "123456789", SrcTermId = "1062-0001", Window = 0, MaxResends = 11 };

        var result = new SmgpOptionsValidator().Validate("telecom", options);

        Assert.True(result.Failed);
        foreach (var setting in new[] { "Host", "Port", "ClientId", "SharedSecret", "SrcTermId", "Window", "MaxResends" })
        {
            Assert.Contains(result.Failures!, f => f.Contains($"'telecom': {setting} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddSmgpChannel_RegistersTheGatewayUnderEveryAdapterRole()
    {
        var services = new ServiceCollection().AddSmgpChannel("telecom", o =>
            (o.Host, o.ClientId, o.SharedSecret, o.SrcTermId) = ("127.0.0.1", "10650001", "pw", "10620001"));
        await using var provider = services.BuildServiceProvider();

        var sender = Assert.Single(provider.GetServices<ITextSender>());

        Assert.Equal(("smgp:telecom", "sms"), (sender.Definition.Name, sender.Definition.Channel));
        Assert.Same(sender, Assert.Single(provider.GetServices<IReceiptSource>()));
        Assert.Same(sender, Assert.Single(provider.GetServices<IInboundTextSource>()));
        Assert.Same(sender, Assert.Single(provider.GetServices<IGatewayHealth>()));
    }
}
