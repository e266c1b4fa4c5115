using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Server.Configuration;
using WarningHub.Simulators.CloudSms;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Sms;

/// <summary>The hub with its only SMS gateway an HTTP cloud SMS platform ("WarningHub:Sms:Http:&lt;name&gt;", Cloud profile), receipts pulled by polling.</summary>
public sealed class CloudSmsHubTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-cloudsms-");

    [Fact]
    public async Task Submit_RedRainstorm_ThroughTheCloudPlatform_ReachesEveryPhoneInBatches_AndReceiptsArriveByPolling()
    {
        await using var platform = new CloudSmsSimulator();
        await platform.StartAsync();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 1500, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var app = HubHost.Build([], loadConfigFile: false, overrides: CloudSettings(platform), configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (app)
        {
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, default);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            var warning = await TestHub.WaitAllFinalAsync(http, id, TimeSpan.FromSeconds(90));
            var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToHashSet();
            Assert.Equal(phones.Count, TestHub.Sms(warning, "planned"));
            Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
            Assert.True(platform.Accepted.Select(a => a.Phone).ToHashSet().IsSupersetOf(phones));
            Assert.Contains(app.Services.GetServices<ITextSender>(), s => s.Definition.Name == "http:cloud");
            Assert.All(platform.Accepted, a => Assert.InRange(a.BatchSize, 1, 1000));
            Assert.True(platform.SendRequests < phones.Count, $"{platform.SendRequests} requests for {phones.Count} phones: the sends were not batched");
            Assert.Equal(0, platform.SignatureFailures);
            await app.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void HubBuild_WithInvalidHttpSmsValues_NamesEachPropertyWithItsSection()
    {
        var settings = CloudSettings(null);
        settings["WarningHub:Sms:Http:cloud:MaxBatch"] = "5000";
        settings["WarningHub:Sms:Http:cloud:SignNmae"] = "typo";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Http:cloud: ", StringComparison.Ordinal) && e.Contains("SignNmae", StringComparison.Ordinal));
    }

    [Fact]
    public void SampleSecrets_FlagTheHttpGatewaysSampleKeys_WhenServingBeyondLoopback()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:8080",
            ["WarningHub:Sms:Http:cloud:AccessKeySecret"] = "replace-me-with-the-accesskey-secret",
            ["WarningHub:Sms:Http:kannel:Password"] = "secret",
            ["WarningHub:Sms:Http:kannel:CallbackToken"] = "replace-me-callback-token",
            ["WarningHub:Sms:Http:generic:ApiKey"] = "a-real-key-nobody-published",
        }).Build();

        var errors = SampleSecrets.Errors(configuration);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("WarningHub:Sms:Http:cloud:AccessKeySecret:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WarningHub:Sms:Http:kannel:Password:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WarningHub:Sms:Http:kannel:CallbackToken:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    private Dictionary<string, string?> CloudSettings(CloudSmsSimulator? platform)
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 1, gatewayRate: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        var defaults = new CloudSmsSimulatorOptions();
        settings["WarningHub:Sms:Http:cloud:Profile"] = "Cloud";
        settings["WarningHub:Sms:Http:cloud:Url"] = platform?.BaseUrl.ToString() ?? "http://127.0.0.1:1/";
        settings["WarningHub:Sms:Http:cloud:AccessKeyId"] = defaults.AccessKeyId;
        settings["WarningHub:Sms:Http:cloud:AccessKeySecret"] = defaults.AccessKeySecret;
        settings["WarningHub:Sms:Http:cloud:SignName"] = "井研县应急管理局";
        settings["WarningHub:Sms:Http:cloud:TemplateCode"] = "SMS_WARNING_001";
        settings["WarningHub:Sms:Http:cloud:PollInterval"] = "00:00:00.300";
        settings["WarningHub:Sms:Http:cloud:BatchLinger"] = "00:00:00.050";
        settings["WarningHub:Sms:Http:cloud:HealthCheckInterval"] = "00:00:01";
        return settings;
    }
}
