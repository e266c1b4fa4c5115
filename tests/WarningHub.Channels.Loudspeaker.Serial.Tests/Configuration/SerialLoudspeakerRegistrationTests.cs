using System.Globalization;
using System.IO.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Configuration;

public class SerialLoudspeakerRegistrationTests
{
    [Fact]
    public void AddSerialLoudspeakerChannel_FromConfiguration_BindsEveryOptionSoNoKeyIsSilentlyDropped()
    {
        // A distinct non-default value for every public property of the options and of a port: adding an option
        // without binding support fails here.
        var values = new Dictionary<string, string?>();
        foreach (var property in typeof(SerialSpeakerOptions).GetProperties().Where(p => p.Name != nameof(SerialSpeakerOptions.Ports)))
        {
            values["Speakers:" + property.Name] = TestValue(property.PropertyType, property.Name);
        }

        foreach (var property in typeof(SerialPortSettings).GetProperties())
        {
            values["Speakers:Ports:village:" + property.Name] = TestValue(property.PropertyType, property.Name);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSerialLoudspeakerChannel("county", configuration.GetSection("Speakers"));
        services.RemoveAll<IValidateOptions<SerialSpeakerOptions>>(); // the values only need to differ, not to make sense
        using var provider = services.BuildServiceProvider();

        var bound = provider.GetRequiredService<IOptionsMonitor<SerialSpeakerOptions>>().Get("county");
        var defaults = new SerialSpeakerOptions();
        foreach (var property in typeof(SerialSpeakerOptions).GetProperties().Where(p => p.Name != nameof(SerialSpeakerOptions.Ports)))
        {
            Assert.NotEqual(property.GetValue(defaults), property.GetValue(bound));
            Assert.Equal(values["Speakers:" + property.Name], Text(property.GetValue(bound)), ignoreCase: true);
        }

        var port = Assert.Single(bound.Ports).Value;
        var portDefaults = new SerialPortSettings();
        foreach (var property in typeof(SerialPortSettings).GetProperties())
        {
            Assert.NotEqual(property.GetValue(portDefaults), property.GetValue(port));
            Assert.Equal(values["Speakers:Ports:village:" + property.Name], Text(property.GetValue(port)), ignoreCase: true);
        }
    }

    [Fact]
    public void AddSerialLoudspeakerChannel_FromConfiguration_WithAMisspeltPortKey_FailsInsteadOfIgnoringIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ports:village:Path"] = "/dev/ttyS1",
            ["Ports:village:BaudRat"] = "19200",
        }).Build();
        using var provider = new ServiceCollection().AddSerialLoudspeakerChannel("county", configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<SerialSpeakerOptions>>().Get("county"));

        Assert.Contains("BaudRat", ex.ToString(), StringComparison.Ordinal); // the binder names it in the inner exception
    }

    [Fact]
    public async Task AddSerialLoudspeakerChannel_TwoChannels_RegistersBothUnderEveryAdapterInterface()
    {
        var services = new ServiceCollection()
            .AddSerialLoudspeakerChannel("north", o => o.Ports["a"] = new SerialPortSettings { Path = "/dev/ttyS1" })
            .AddSerialLoudspeakerChannel("south", o => o.Ports["b"] = new SerialPortSettings { Path = "/dev/ttyS2" })
            .AddSerialLoudspeakerChannel("north", o => o.Ports["c"] = new SerialPortSettings { Path = "/dev/ttyS3" });
        await using var provider = services.BuildServiceProvider();

        var broadcasters = provider.GetServices<IAudioBroadcaster>().ToList();

        Assert.Equal(["serial-speaker:north", "serial-speaker:south"], broadcasters.Select(b => b.Definition.Name));
        Assert.All(broadcasters, b => Assert.Equal("loudspeakerSerial", b.Definition.Channel));
        Assert.Equal(2, provider.GetServices<ITerminalMonitor>().Count());
        Assert.Equal(2, provider.GetServices<IReceiptSource>().Count());
        Assert.Equal(2, provider.GetServices<IChannelLifecycle>().Count());
        Assert.Equal(2, provider.GetServices<IChannelAdapter>().Count());
        Assert.Same(broadcasters[0], provider.GetRequiredKeyedService<SerialSpeakerChannel>("north"));
        Assert.Equal(2, broadcasters[0].Definition.MaxInFlight); // ports a and c: one bulletin at a time on each
        Assert.True(broadcasters[0].Definition.SupportsReceipts);
        Assert.Single(provider.GetServices<IValidateOptions<SerialSpeakerOptions>>());
    }

    [Fact]
    public void AddSerialLoudspeakerChannel_WithInvalidOptions_FailsValidationWhenResolved()
    {
        using var provider = new ServiceCollection()
            .AddSerialLoudspeakerChannel("county", o => o.Ports["village"] = new SerialPortSettings { Path = "", BaudRate = -1 })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAudioBroadcaster>());

        Assert.Contains(ex.Failures, f => f.Contains("Ports[village].Path", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Ports[village].BaudRate", StringComparison.Ordinal));
    }

    private static string TestValue(Type type, string name) => TestValueOf(Nullable.GetUnderlyingType(type) ?? type, name);

    private static string TestValueOf(Type type, string name) => type switch
    {
        _ when type == typeof(string) => "v" + name.Length.ToString(CultureInfo.InvariantCulture),
        _ when type == typeof(int) => "7",
        _ when type == typeof(bool) => name == nameof(SerialSpeakerOptions.VerifyRelays) ? "False" : "True",
        _ when type == typeof(TimeSpan) => "00:00:07",
        _ when type == typeof(SerialPortKind) => nameof(SerialPortKind.ModbusRelays),
        _ when type == typeof(TtsProfile) => nameof(TtsProfile.Xfs5152),
        _ when type == typeof(TtsTextEncoding) => nameof(TtsTextEncoding.Utf16),
        _ when type == typeof(Parity) => nameof(Parity.Even),
        _ when type == typeof(StopBits) => nameof(StopBits.Two),
        _ => throw new InvalidOperationException($"Add a test value for {name} of type {type.Name}."),
    };

    private static string? Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
