using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Cli;
using WarningHub.Engine.Shared;
using WarningHub.Server;
using WarningHub.Simulators.Smsc;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Acknowledgements;

/// <summary>
/// 叫应 through the whole hub on loopback: officers of a generated county are called by SMS through the simulated
/// SMSC, answer by an SMS reply (a mobile-originated deliver_sm) and by the signed link, the silent ones are escalated
/// at the deadline, and a restart between the calls and their deadline loses nothing.
/// </summary>
public sealed partial class AcknowledgementHubTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Officers_AnswerBySmsReplyAndByLink_AndTheSilentAreEscalatedAtTheDeadline()
    {
        await using var hub = await TestHub.StartAsync(persons: 1000, endpoints: Endpoints,
            settings: new Dictionary<string, string?> { ["WarningHub:Acknowledgements:Deadlines:Red"] = "00:00:06" });
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var endpoints = Endpoints(hub.Registry);
        var cadres = endpoints.Responsibilities.Where(r => r.Tier == ResponsibilityTier.Village && r.Acknowledges)
            .Select(r => endpoints.FindOfficer(r.OfficerId)!).Take(2).ToList();
        Assert.True(await Eventually.TrueAsync(() => CallsTo(hub.Smsc, cadres[0].Phone).Count > 0 && CallsTo(hub.Smsc, cadres[1].Phone).Count > 0, Bound),
            "the village cadres got their 叫应 SMS");

        Assert.True(hub.Smsc.SendMobileOriginated("86" + cadres[0].Phone, "12379", "收到"));
        var link = LinkPattern().Match(CallsTo(hub.Smsc, cadres[1].Phone)[0]).Value;
        using var page = await hub.Http.GetAsync(new Uri(link));
        var html = await page.Content.ReadAsStringAsync();
        using var received = await hub.Http.PostAsync(new Uri(link + "/received"), null);
        var broadcaster = endpoints.Officers.First(o => o.Role == OfficerRole.Broadcaster);
        var record = await hub.App.Services.GetRequiredService<WarningHub.Core.Warnings.IWarningStore>().GetAsync(id, default);
        var playedPath = hub.App.Services.GetRequiredService<BroadcastLinks>().PathOf(record!, broadcaster.RegionCode) + "/played";
        using var played = await hub.Http.PostAsync(new Uri(playedPath, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<button>收到</button>", html, StringComparison.Ordinal);
        Assert.Contains("width=device-width", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // no external assets
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        var board = await WaitBoardAsync(hub.Http, id, b => How(b, cadres[0].Id) == "sms" && How(b, cadres[1].Id) == "link" && How(b, broadcaster.Id) == "played");
        Assert.Equal(endpoints.Responsibilities.Where(r => r.Acknowledges).Select(r => r.OfficerId).Distinct().Count(), board.GetProperty("summary").GetProperty("officers").GetInt32());

        board = await WaitBoardAsync(hub.Http, id, b => b.GetProperty("summary").GetProperty("escalated").GetInt32() > 0);
        var bySms = Officer(board, cadres[0].Id);
        var answeredInTime = bySms.GetProperty("answeredAt").GetDateTimeOffset() < bySms.GetProperty("dueAt").GetDateTimeOffset();
        var town = endpoints.Officers.First(o => o.Role == OfficerRole.TownOfficer && o.RegionCode == hub.Registry.TownOf(cadres[0].RegionCode)!.Code);
        Assert.True(await Eventually.TrueAsync(() => hub.Smsc.ReceivedMessages.Any(m => m.Destination == town.Phone && m.Text.Contains("【叫应未回复】", StringComparison.Ordinal)), Bound),
            "the town officer got the list of silent names");
        var list = hub.Smsc.ReceivedMessages.First(m => m.Destination == town.Phone && m.Text.Contains("【叫应未回复】", StringComparison.Ordinal)).Text;
        if (answeredInTime)
        {
            // Answered before the deadline: neither reminded nor on the town's list.
            Assert.Equal(0, bySms.GetProperty("escalations").GetInt32());
            Assert.DoesNotContain($"{cadres[0].Name}（{hub.Registry.FindRegion(cadres[0].RegionCode)!.Name}）", list, StringComparison.Ordinal);
        }

        // The reach report carries the same board's summary.
        var reach = await hub.ReachAsync(id);
        var acks = reach.GetProperty("acknowledgements");
        Assert.Equal(board.GetProperty("summary").GetProperty("officers").GetInt32(), acks.GetProperty("officers").GetInt32());
        Assert.True(acks.GetProperty("answered").GetInt32() >= 3, $"three answered: {acks}");
        Assert.True(acks.GetProperty("medianAnswerSeconds").GetDouble() >= 0);
        // Each row carries the 叫应 of the officers who answer for its region, rolled up to the county: every call counts there.
        var countyAcks = reach.GetProperty("county").GetProperty("acknowledgements");
        Assert.Equal((acks.GetProperty("officers").GetInt32(), acks.GetProperty("answered").GetInt32()),
            (countyAcks.GetProperty("officers").GetInt32(), countyAcks.GetProperty("answered").GetInt32()));
        var village = reach.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("code").GetString() == cadres[0].RegionCode);
        var villageAcks = village.GetProperty("acknowledgements");
        Assert.InRange(villageAcks.GetProperty("answered").GetInt32(), 1, villageAcks.GetProperty("officers").GetInt32());
        var townAcks = reach.GetProperty("towns").EnumerateArray()
            .Single(t => t.GetProperty("code").GetString() == hub.Registry.TownOf(cadres[0].RegionCode)!.Code).GetProperty("acknowledgements");
        Assert.InRange(townAcks.GetProperty("officers").GetInt32(), villageAcks.GetProperty("officers").GetInt32(), countyAcks.GetProperty("officers").GetInt32());

        using (var other = hub.Client(TestHub.OtherAgencyKey))
        using (var refused = await other.Http.GetAsync(new Uri($"/api/v1/warnings/{id}/acknowledgements", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // read like the warning: another agency's is missing
        }

        using (var forged = await hub.Http.GetAsync(new Uri(link[..^4] + "0000")))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        var cli = await CliProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string?> { ["WARNINGHUB_API_KEY"] = TestHub.ApiKey }, TimeSpan.FromMinutes(2),
            "ack", id, "--url", hub.Http.BaseAddress!.ToString());
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var firstSilent = cli.Output.IndexOf("silent", StringComparison.Ordinal);
        Assert.True(firstSilent >= 0 && firstSilent < cli.Output.IndexOf("answered", StringComparison.Ordinal), "silent officers come first: " + cli.Output);
    }

    [Fact]
    public async Task ARestartBetweenTheCallsAndTheirDeadline_StillEscalatesOnce_FromTheLedger()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-ack-restart-");
        await using var smsc = new SmscSimulator(new SmscSimulatorOptions { RecordMessages = true });
        smsc.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 500, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var settings = TestHub.Settings(folder.FullName, smsc.Port, gatewayRate: 0);
        var address = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
        settings["urls"] = address;
        settings["WarningHub:Engine:PublicBaseUrl"] = address;
        settings["WarningHub:Acknowledgements:Deadlines:Red"] = "00:00:15";
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
        try
        {
            string id;
            await using (var first = await StartAsync(settings, registry))
            {
                id = await SubmitAsync(http);
                await WaitBoardAsync(http, id, b => b.GetProperty("summary").GetProperty("officers").GetInt32() > 0);
                await first.StopAsync();
            }

            var board = await JsonAsync(http, id, expectDown: true);
            SqliteConnection.ClearAllPools();
            await using var second = await StartAsync(settings, registry);
            board = await WaitBoardAsync(http, id, b => b.GetProperty("summary").GetProperty("escalated").GetInt32() > 0);

            var escalated = board.GetProperty("officers").EnumerateArray().Where(o => o.GetProperty("escalations").GetInt32() > 0).ToList();
            Assert.All(escalated, o => Assert.Equal(JsonValueKind.Null, o.GetProperty("answeredAt").ValueKind));
            // The step's notices leave after it is recorded: wait for the reminders, then the lists are queued with them.
            Assert.True(await Eventually.TrueAsync(() => smsc.ReceivedMessages.Count(m => m.Text.Contains("【叫应提醒】", StringComparison.Ordinal)) >= escalated.Count
                && smsc.ReceivedMessages.Any(m => m.Text.Contains("【叫应未回复】", StringComparison.Ordinal)), Bound), "reminders and lists were sent");
            await second.StopAsync(); // nothing more leaves: the counts below are final
            var lists = smsc.ReceivedMessages.Where(m => m.Text.Contains("【叫应未回复】", StringComparison.Ordinal) && m.Text.Contains("15秒内", StringComparison.Ordinal)).ToList();
            Assert.All(lists.GroupBy(m => m.Destination), g => Assert.Single(g)); // one list per officer for the first step
            Assert.Equal(escalated.Count, smsc.ReceivedMessages.Count(m => m.Text.Contains("【叫应提醒】", StringComparison.Ordinal)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    [Fact]
    public async Task ConfiguredLevels_ReplaceTheDefaultList_AndPerEventSettingsBind()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-ack-settings-");
        try
        {
            var settings = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            settings["WarningHub:Acknowledgements:Levels:0"] = "Red";
            settings["WarningHub:Acknowledgements:Events:山洪:Levels:0"] = "Yellow";
            settings["WarningHub:Acknowledgements:Events:山洪:Deadlines:Yellow"] = "00:03:00";
            await using var app = HubHost.Build([], loadConfigFile: false, overrides: settings, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));

            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarningHub.Engine.Acknowledgements.AcknowledgementOptions>>().Value;

            Assert.Equal(["Red"], options.Levels!); // not appended to the default Orange and Red
            Assert.Null(options.DeadlineFor(WarningHub.Core.Cap.WarningLevel.Orange, "暴雨"));
            Assert.Equal(TimeSpan.FromMinutes(5), options.DeadlineFor(WarningHub.Core.Cap.WarningLevel.Red, "暴雨"));
            Assert.Equal(TimeSpan.FromMinutes(3), options.DeadlineFor(WarningHub.Core.Cap.WarningLevel.Yellow, "山洪"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void DoorToDoorSettings_BindPerEvent_AndEveryBadOneIsNamedAtStartUp()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-door-settings-");
        try
        {
            var good = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            good["WarningHub:DoorToDoor:Levels:0"] = "Red";
            good["WarningHub:DoorToDoor:Events:山洪:Levels:0"] = "Yellow";
            good["WarningHub:DoorToDoor:Events:山洪:Delays:Yellow"] = "00:05:00";
            var bad = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            bad["WarningHub:DoorToDoor:Levels:0"] = "Purple";
            bad["WarningHub:DoorToDoor:Delays:Red"] = "-00:01:00";
            var misspelt = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            misspelt["WarningHub:DoorToDoor:Delay:Red"] = "00:10:00";

            WarningHub.Engine.Reach.DoorToDoorOptions options;
            using (var app = HubHost.Build([], loadConfigFile: false, overrides: good, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning)))
                options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarningHub.Engine.Reach.DoorToDoorOptions>>().Value;
            var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: bad));
            var typo = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: misspelt));

            Assert.Equal(["Red"], options.Levels!); // not appended to the default Orange and Red
            Assert.Null(options.DelayFor(WarningHub.Core.Cap.WarningLevel.Orange, "暴雨"));
            Assert.Equal(TimeSpan.FromMinutes(10), options.DelayFor(WarningHub.Core.Cap.WarningLevel.Red, "暴雨"));
            Assert.Equal(TimeSpan.FromMinutes(5), options.DelayFor(WarningHub.Core.Cap.WarningLevel.Yellow, "山洪"));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:DoorToDoor: ", StringComparison.Ordinal) && e.Contains("'Purple' is not a level", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:DoorToDoor: ", StringComparison.Ordinal) && e.Contains("Delays[Red] must be 0 s..1 day", StringComparison.Ordinal));
            Assert.Contains(typo.Errors, e => e.StartsWith("WarningHub:DoorToDoor: ", StringComparison.Ordinal) && e.Contains("Delay", StringComparison.Ordinal)
                && !e.Contains("Delays", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The generated endpoints, with the first village's broadcaster called too (their "played" answers it).</summary>
    private static CountyEndpoints Endpoints(CountyRegistry registry)
    {
        var generated = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");
        var broadcaster = generated.Officers.First(o => o.Role == OfficerRole.Broadcaster);
        return generated.WithResponsibilities(generated.Responsibilities.Append(
            new Responsibility(broadcaster.RegionCode, broadcaster.Id, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Acknowledge)));
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, CountyRegistry registry)
    {
        var app = HubHost.Build([], loadConfigFile: false, overrides: settings, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        var store = app.Services.GetRequiredService<SqliteRegistryStore>();
        if (store.Load() is null) await store.SaveAsync(registry, Endpoints(registry), default);
        await app.StartAsync();
        return app;
    }

    private static async Task<string> SubmitAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
            new StringContent(LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml")), System.Text.Encoding.UTF8, "application/cap+xml"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string id, bool expectDown = false)
    {
        try
        {
            return await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/acknowledgements");
        }
        catch (HttpRequestException) when (expectDown)
        {
            return default; // the hub is stopped: nothing answers
        }
    }

    private static async Task<JsonElement> WaitBoardAsync(HttpClient http, string id, Func<JsonElement, bool> done)
    {
        JsonElement last = default;
        var ok = await Eventually.TrueAsync(async () =>
        {
            last = await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/acknowledgements");
            return done(last);
        }, Bound);
        Assert.True(ok, $"the 叫应 board did not get there: {last}");
        return last;
    }

    private static List<string> CallsTo(SmscSimulator smsc, string phone) =>
        [.. smsc.ReceivedMessages.Where(m => m.Destination == phone && m.Text.Contains("【叫应】", StringComparison.Ordinal)).Select(m => m.Text)];

    private static JsonElement Officer(JsonElement board, long id) =>
        board.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("officerId").GetInt64() == id);

    private static string? How(JsonElement board, long id) => Officer(board, id).GetProperty("how").GetString();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/a/[^\s/]+/\d+/[0-9a-f]{16}")]
    private static partial Regex LinkPattern();
}
