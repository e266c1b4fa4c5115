using WarningHub.Simulators.CloudSms;

namespace WarningHub.Channels.Sms.Http.Tests.Support;

/// <summary>The HTTP SMS gateway in its Cloud profile beside a simulated cloud SMS platform, both on loopback.</summary>
internal sealed class CloudHarness : IAsyncDisposable
{
    private CloudHarness(CloudSmsSimulator platform, HttpSmsGateway gateway, HttpSmsOptions options)
    {
        Platform = platform;
        Gateway = gateway;
        Options = options;
    }

    public CloudSmsSimulator Platform { get; }

    public HttpSmsGateway Gateway { get; }

    public HttpSmsOptions Options { get; }

    public static HttpSmsOptions CloudOptions(CloudSmsSimulator platform) => new()
    {
        Profile = HttpSmsProfile.Cloud,
        Url = platform.BaseUrl.ToString(),
        AccessKeyId = platform.Options.AccessKeyId,
        AccessKeySecret = platform.Options.AccessKeySecret,
        SignName = "井研县应急管理局",
        TemplateCode = "SMS_WARNING_001",
        PollInterval = TimeSpan.FromMilliseconds(200),
        HealthCheckInterval = TimeSpan.FromMilliseconds(200),
        Timeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(1),
        BatchLinger = TimeSpan.FromMilliseconds(20),
    };

    public static async Task<CloudHarness> StartAsync(Action<CloudSmsSimulatorOptions>? platform = null, Action<HttpSmsOptions>? gateway = null,
        TimeProvider? time = null)
    {
        var platformOptions = new CloudSmsSimulatorOptions();
        platform?.Invoke(platformOptions);
        var simulator = new CloudSmsSimulator(platformOptions, time);
        await simulator.StartAsync();
        var options = CloudOptions(simulator);
        gateway?.Invoke(options);
        var validation = new HttpSmsOptionsValidator().Validate("cloud", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var adapter = new HttpSmsGateway("cloud", options, time);
        await adapter.StartAsync(CancellationToken.None);
        return new CloudHarness(simulator, adapter, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
