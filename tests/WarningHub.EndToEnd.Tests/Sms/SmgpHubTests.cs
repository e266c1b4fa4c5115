using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Simulators.Smgp;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Sms;

/// <summary>The hub with its SMS through an SMGP gateway ("WarningHub:Sms:Smgp:&lt;name&gt;") to the simulated SMGW.</summary>
public sealed class SmgpHubTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-smgp-");

    [Fact]
    public async Task Submit_RedRainstorm_ThroughSmgp_ReachesEveryPhone_TheOfficersCallIsFlash_AndTheirReplyAnswersIt()
    {
        await using var smgw = new SmgwSimulator(new SmgwSimulatorOptions { RecordSubmits = true });
        smgw.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 500, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var endpoints = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");
        var officer = endpoints.FindOfficer(endpoints.Responsibilities.First(r => r.Acknowledges).OfficerId)!;
        var app = HubHost.Build([], loadConfigFile: false, overrides: SmgpSettings(smgw.Port), configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (app)
        {
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, endpoints, default);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            var warning = await TestHub.WaitAllFinalAsync(http, id, TimeSpan.FromSeconds(60));
            var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToHashSet();
            Assert.Equal(phones.Count, TestHub.Sms(warning, "planned"));
            Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
            Assert.True(smgw.RecordedSubmits.Select(s => s.Destination).ToHashSet().IsSupersetOf(phones));
            Assert.Contains(app.Services.GetServices<ITextSender>(), s => s.Definition.Name == "smgp:telecom");

            // 叫应 goes as flash SMS (Notices:FlashFor acknowledgement), the public warning never does.
            Assert.True(await Eventually.TrueAsync(() => smgw.RecordedSubmits.Any(s => s.Destination == officer.Phone)), "the officer was called");
            Assert.Contains(smgw.RecordedSubmits, s => s.Destination == officer.Phone && s.MsgFormat == 24);
            // Slots of the warning ask for a report (NeedReport 1); officers' notices ask for none. Only notices are flash.
            Assert.All(smgw.RecordedSubmits.Where(s => s.NeedReport == 1), s => Assert.Equal(8, s.MsgFormat));
            Assert.All(smgw.RecordedSubmits.Where(s => s.MsgFormat == 24), s => Assert.Equal(0, s.NeedReport));

            Assert.True(smgw.SendMobileOriginated(officer.Phone, "10620001", System.Text.Encoding.BigEndianUnicode.GetBytes("收到"), 8));
            string? how = null;
            Assert.True(await Eventually.TrueAsync(async () => (how = await HowAsync(http, id, officer.Id)) == "sms", TimeSpan.FromSeconds(30)), $"answered by SMS (was {how})");
            await app.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void HubBuild_WithAMisspeltSmgpKey_NamesItWithItsSection()
    {
        var settings = SmgpSettings(8890);
        settings["WarningHub:Sms:Smgp:telecom:SharedSecrt"] = "typo";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Smgp:telecom: ", StringComparison.Ordinal) && e.Contains("SharedSecrt", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static async Task<string?> HowAsync(HttpClient http, string id, long officerId)
    {
        var board = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/warnings/{id}/acknowledgements");
        return board.GetProperty("officers").EnumerateArray().Where(o => o.GetProperty("officerId").GetInt64() == officerId)
            .Select(o => o.GetProperty("how").GetString()).FirstOrDefault();
    }

    private Dictionary<string, string?> SmgpSettings(int port)
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 1, gatewayRate: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        var defaults = new SmgwSimulatorOptions();
        settings["WarningHub:Sms:Smgp:telecom:Host"] = "127.0.0.1";
        settings["WarningHub:Sms:Smgp:telecom:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["WarningHub:Sms:Smgp:telecom:ClientId"] = defaults.ClientId;
        settings["WarningHub:Sms:Smgp:telecom:SharedSecret"] = defaults.SharedSecret;
        settings["WarningHub:Sms:Smgp:telecom:SrcTermId"] = "10620001";
        settings["WarningHub:Sms:Smgp:telecom:Binds"] = "2";
        settings["WarningHub:Sms:Smgp:telecom:ReconnectMin"] = "00:00:00.200";
        settings["WarningHub:Sms:Smgp:telecom:ReconnectMax"] = "00:00:01";
        settings["WarningHub:Notices:FlashFor:0"] = "acknowledgement";
        return settings;
    }
}
