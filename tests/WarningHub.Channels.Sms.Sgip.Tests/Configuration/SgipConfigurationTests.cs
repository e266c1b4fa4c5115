using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Sgip.Tests.Configuration;

public class SgipConfigurationTests
{
    [Fact]
    public void AddSgipChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        // A distinct non-default value for every public property: an option added without binding support fails here.
        var values = new Dictionary<string, string?>();
        var defaults = new SgipOptions();
        foreach (var property in typeof(SgipOptions).GetProperties())
        {
            values["Sgip:Unicom:" + property.Name] = property.PropertyType switch
            {
                // Values that also pass validation, since resolving the options validates them.
                _ when property.Name == nameof(SgipOptions.SpNumber) => "10655001",
                _ when property.Name == nameof(SgipOptions.CorpId) => "12345",
                _ when property.Name == nameof(SgipOptions.ListenAddress) => "127.0.0.1",
                var t when t == typeof(string) => "v" + property.Name.Length.ToString(CultureInfo.InvariantCulture),
                var t when t == typeof(int) => "2",
                var t when t == typeof(long) => "3053112345",
                var t when t == typeof(bool) => property.GetValue(defaults) is true ? "False" : "True",
                var t when t == typeof(TimeSpan) => "00:00:07",
                var t => throw new InvalidOperationException($"Add a test value for {property.Name} of type {t.Name}."),
            };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddSgipChannel("unicom", configuration.GetSection("Sgip:Unicom")).BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<SgipOptions>>().Get("unicom");
        foreach (var property in typeof(SgipOptions).GetProperties())
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Sgip:Unicom:" + property.Name], Convert.ToString(property.GetValue(bound), CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Fact]
    public void AddSgipChannel_WithAMisspeltKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host"] = "smg.example",
            ["LoginPasword"] = "typo",
        }).Build();
        using var provider = new ServiceCollection().AddSgipChannel("unicom", configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<SgipOptions>>().Get("unicom"));

        Assert.Contains("LoginPasword", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ListsEveryProblem_EachNamingItsSetting()
    {
        var options = new SgipOptions { Port = 0, CorpId = "1234", SpNumber = "10655-001", ReportFlag = 3, ListenAddress = "anywhere", ListenPort = 70000, Window = 0 };

        var result = new SgipOptionsValidator().Validate("unicom", options);

        Assert.True(result.Failed);
        foreach (var setting in new[] { "Host", "Port", "LoginName", "LoginPassword", "CorpId", "SpNumber", "ReportFlag", "ListenAddress", "ListenPort", "Window" })
        {
            Assert.Contains(result.Failures!, f => f.Contains($"'unicom': {setting} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddSgipChannel_RegistersTheGatewayUnderEveryAdapterRole()
    {
        var services = new ServiceCollection().AddSgipChannel("unicom", o =>
            (o.Host, o.LoginName, o.LoginPassword, o.SpNumber, o.CorpId) = ("127.0.0.1", "sp", "pw", "10655001", "12345"));
        await using var provider = services.BuildServiceProvider();

        var sender = Assert.Single(provider.GetServices<ITextSender>());

        Assert.Equal(("sgip:unicom", "sms"), (sender.Definition.Name, sender.Definition.Channel));
        Assert.Same(sender, Assert.Single(provider.GetServices<IReceiptSource>()));
        Assert.Same(sender, Assert.Single(provider.GetServices<IInboundTextSource>()));
        Assert.Same(sender, Assert.Single(provider.GetServices<IGatewayHealth>()));
    }
}
