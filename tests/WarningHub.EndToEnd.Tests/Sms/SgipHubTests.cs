using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Simulators.Sgip;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Sms;

/// <summary>The hub with its SMS through an SGIP gateway ("WarningHub:Sms:Sgip:&lt;name&gt;") to the simulated SMG, reports coming back on the SMG's own connection.</summary>
public sealed class SgipHubTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-sgip-");

    [Fact]
    public async Task Submit_RedRainstorm_ThroughSgip_ReachesEveryPhone_TheOfficersCallIsFlash_AndTheirReplyAnswersIt()
    {
        var listenPort = FreePort();
        await using var smg = new SmgSimulator(new SmgSimulatorOptions { RecordSubmits = true, SpListenPort = listenPort });
        smg.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 500, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var endpoints = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");
        var officer = endpoints.FindOfficer(endpoints.Responsibilities.First(r => r.Acknowledges).OfficerId)!;
        var app = HubHost.Build([], loadConfigFile: false, overrides: SgipSettings(smg.Port, listenPort), configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
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
            Assert.True(smg.RecordedSubmits.Select(s => s.UserNumber[2..]).ToHashSet().IsSupersetOf(phones));
            Assert.Contains(app.Services.GetServices<ITextSender>(), s => s.Definition.Name == "sgip:unicom");

            // 叫应 goes as flash SMS (Notices:FlashFor acknowledgement), the public warning never does.
            Assert.True(await Eventually.TrueAsync(() => smg.RecordedSubmits.Any(s => s.UserNumber == "86" + officer.Phone)), "the officer was called");
            Assert.Contains(smg.RecordedSubmits, s => s.UserNumber == "86" + officer.Phone && s.MessageCoding == 24);
            // Slots of the warning ask for a report (ReportFlag 1); officers' notices ask for none. Only notices are flash.
            Assert.All(smg.RecordedSubmits.Where(s => s.ReportFlag == 1), s => Assert.Equal(8, s.MessageCoding));
            Assert.All(smg.RecordedSubmits.Where(s => s.MessageCoding == 24), s => Assert.Equal(2, s.ReportFlag));

            smg.SendMobileOriginated("86" + officer.Phone, "10655001", System.Text.Encoding.BigEndianUnicode.GetBytes("收到"), 8);
            string? how = null;
            Assert.True(await Eventually.TrueAsync(async () => (how = await HowAsync(http, id, officer.Id)) == "sms", TimeSpan.FromSeconds(30)), $"answered by SMS (was {how})");
            await app.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void HubBuild_WithInvalidSgipValues_NamesEachPropertyWithItsSection()
    {
        var settings = SgipSettings(8801, 8802);
        settings["WarningHub:Sms:Sgip:unicom:CorpId"] = "1234";
        settings["WarningHub:Sms:Sgip:unicom:LoginPasword"] = "typo";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Sgip:unicom: ", StringComparison.Ordinal) && e.Contains("LoginPasword", StringComparison.Ordinal));
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Dictionary<string, string?> SgipSettings(int port, int listenPort)
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 1, gatewayRate: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        var defaults = new SmgSimulatorOptions();
        settings["WarningHub:Sms:Sgip:unicom:Host"] = "127.0.0.1";
        settings["WarningHub:Sms:Sgip:unicom:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["WarningHub:Sms:Sgip:unicom:LoginName"] = defaults.LoginName;
        settings["WarningHub:Sms:Sgip:unicom:LoginPassword"] = defaults.LoginPassword;
        settings["WarningHub:Sms:Sgip:unicom:SpNumber"] = "10655001";
        settings["WarningHub:Sms:Sgip:unicom:CorpId"] = "12345";
        settings["WarningHub:Sms:Sgip:unicom:Binds"] = "2";
        settings["WarningHub:Sms:Sgip:unicom:ListenAddress"] = "127.0.0.1";
        settings["WarningHub:Sms:Sgip:unicom:ListenPort"] = listenPort.ToString(CultureInfo.InvariantCulture);
        settings["WarningHub:Sms:Sgip:unicom:ReconnectMin"] = "00:00:00.200";
        settings["WarningHub:Sms:Sgip:unicom:ReconnectMax"] = "00:00:01";
        settings["WarningHub:Notices:FlashFor:0"] = "acknowledgement";
        return settings;
    }
}
