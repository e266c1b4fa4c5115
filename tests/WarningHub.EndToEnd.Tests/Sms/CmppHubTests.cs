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
using WarningHub.Simulators.Cmpp;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Sms;

/// <summary>The hub with its SMS through a CMPP gateway ("WarningHub:Sms:Cmpp:&lt;name&gt;") to the simulated ISMG.</summary>
public sealed class CmppHubTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-cmpp-");

    [Fact]
    public async Task Submit_RedRainstorm_ThroughCmpp_ReachesEveryPhone_AndEveryStatusReportSettlesItsSlot()
    {
        await using var ismg = new IsmgSimulator(new IsmgSimulatorOptions { RecordSubmits = true });
        ismg.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 1000, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var app = HubHost.Build([], loadConfigFile: false, overrides: CmppSettings(ismg.Port), configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (app)
        {
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, default);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            var warning = await TestHub.WaitAllFinalAsync(http, id, TimeSpan.FromSeconds(60));
            await app.StopAsync();

            var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToHashSet();
            Assert.Equal(phones.Count, TestHub.Sms(warning, "planned"));
            Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
            var firstParts = ismg.RecordedSubmits.Where(s => s.PkNumber == 1).ToList();
            Assert.True(firstParts.Select(s => s.Destination).ToHashSet().SetEquals(phones));
            Assert.Equal(ismg.Accepted, ismg.ReportsSent);
            Assert.Contains(app.Services.GetServices<ITextSender>(), s => s.Definition.Name == "cmpp:mobile");
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task AnOfficersReply_AsAnMoDeliver_AnswersTheirAcknowledgementCall_WhichWentAsFlash()
    {
        await using var ismg = new IsmgSimulator(new IsmgSimulatorOptions { RecordSubmits = true });
        ismg.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 500, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var endpoints = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");
        var officer = endpoints.FindOfficer(endpoints.Responsibilities.First(r => r.Acknowledges).OfficerId)!;
        var settings = CmppSettings(ismg.Port);
        settings["WarningHub:Notices:FlashFor:0"] = "acknowledgement";
        var app = HubHost.Build([], loadConfigFile: false, overrides: settings, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (app)
        {
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, endpoints, default);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            string? how = null;
            async Task<string?> HowAsync()
            {
                var board = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/warnings/{id}/acknowledgements");
                return board.GetProperty("officers").EnumerateArray().Where(o => o.GetProperty("officerId").GetInt64() == officer.Id)
                    .Select(o => o.GetProperty("how").GetString()).FirstOrDefault() ?? (board.GetProperty("officers").GetArrayLength() > 0 ? "silent" : null);
            }

            Assert.True(await Eventually.TrueAsync(async () => await HowAsync() == "silent", TimeSpan.FromSeconds(60)), "the officer was called");
            Assert.True(ismg.SendMobileOriginated(officer.Phone, "106570011", System.Text.Encoding.BigEndianUnicode.GetBytes("收到"), 8)); // Msg_Fmt 8: UCS2
            Assert.True(await Eventually.TrueAsync(async () => (how = await HowAsync()) == "sms", TimeSpan.FromSeconds(30)), $"answered by SMS (was {how})");
            // 叫应 as flash SMS. Slots of the warning ask for a report (Registered_Delivery 1); officers' notices ask for none.
            Assert.True(await Eventually.TrueAsync(() => ismg.RecordedSubmits.Any(s => s.Destination == officer.Phone && s.MsgFmt == 24)), "the call went as flash");
            Assert.Contains(ismg.RecordedSubmits, s => s.RegisteredDelivery == 1);
            Assert.All(ismg.RecordedSubmits.Where(s => s.RegisteredDelivery == 1), s => Assert.Equal(8, s.MsgFmt));
            Assert.All(ismg.RecordedSubmits.Where(s => s.MsgFmt == 24), s => Assert.Equal(0, s.RegisteredDelivery));
            await app.StopAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void HubBuild_WithAMisspeltCmppKey_NamesItWithItsSection()
    {
        var settings = CmppSettings(7890);
        settings["WarningHub:Sms:Cmpp:mobile:SharedSecrt"] = "typo";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Cmpp:mobile: ", StringComparison.Ordinal) && e.Contains("SharedSecrt", StringComparison.Ordinal));
    }

    [Fact]
    public void HubBuild_WithInvalidCmppValues_NamesEachProperty()
    {
        var settings = CmppSettings(7890);
        settings["WarningHub:Sms:Cmpp:mobile:SourceAddr"] = "12345";
        settings["WarningHub:Sms:Cmpp:mobile:Version"] = "4";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Cmpp:mobile: ", StringComparison.Ordinal) && e.Contains("SourceAddr", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Sms:Cmpp:mobile: ", StringComparison.Ordinal) && e.Contains("Version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CmppForChinaMobile_AndSmppForTheRest_EachGatewayCarriesOnlyItsOperatorsNumbers()
    {
        await using var ismg = new IsmgSimulator(new IsmgSimulatorOptions { RecordSubmits = true });
        ismg.Start();
        await using var hub = await TestHub.StartAsync(persons: 1000, settings: new Dictionary<string, string?>(
            CmppSettings(ismg.Port).Where(s => s.Key.Contains(":Cmpp:", StringComparison.Ordinal)))
        {
            ["WarningHub:Routing:Gateways:mobile:Operators:0"] = "移动",
            ["WarningHub:Routing:Gateways:sim:Operators:0"] = "联通",
            ["WarningHub:Routing:Gateways:sim:Operators:1"] = "电信",
        });

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitAllFinalAsync(hub.Http, id, TimeSpan.FromSeconds(90));

        var phones = hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToList();
        var mobile = phones.Where(p => MobileOperators.OperatorOf(p) == MobileOperator.ChinaMobile).ToHashSet();
        Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
        Assert.True(ismg.RecordedSubmits.Where(s => s.PkNumber == 1).Select(s => s.Destination).ToHashSet().SetEquals(mobile));
        var atSmsc = hub.Smsc.ReceivedMessages.Select(m => m.Destination).ToHashSet();
        Assert.True(atSmsc.SetEquals(phones.Where(p => !mobile.Contains(p))));
        var gateways = warning.GetProperty("channels").GetProperty("sms").GetProperty("gateways");
        Assert.Equal(mobile.Count, gateways.GetProperty("cmpp:mobile").GetProperty("delivered").GetInt32());
        Assert.Equal(phones.Count - mobile.Count, gateways.GetProperty("smpp:sim").GetProperty("delivered").GetInt32());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    private Dictionary<string, string?> CmppSettings(int port)
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 1, gatewayRate: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        var defaults = new IsmgSimulatorOptions();
        settings["WarningHub:Sms:Cmpp:mobile:Host"] = "127.0.0.1";
        settings["WarningHub:Sms:Cmpp:mobile:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["WarningHub:Sms:Cmpp:mobile:Version"] = "3";
        settings["WarningHub:Sms:Cmpp:mobile:SourceAddr"] = defaults.SourceAddr;
        settings["WarningHub:Sms:Cmpp:mobile:SharedSecret"] = defaults.SharedSecret;
        settings["WarningHub:Sms:Cmpp:mobile:ServiceId"] = "WARN";
        settings["WarningHub:Sms:Cmpp:mobile:SrcId"] = "10657001";
        settings["WarningHub:Sms:Cmpp:mobile:Binds"] = "2";
        settings["WarningHub:Sms:Cmpp:mobile:ReconnectMin"] = "00:00:00.200";
        settings["WarningHub:Sms:Cmpp:mobile:ReconnectMax"] = "00:00:01";
        return settings;
    }
}
