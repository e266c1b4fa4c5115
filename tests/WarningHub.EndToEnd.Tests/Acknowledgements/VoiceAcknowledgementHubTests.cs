using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Simulators.Voice;

namespace WarningHub.EndToEnd.Tests.Acknowledgements;

/// <summary>
/// 叫应 by voice call (语音通知) through the whole hub on loopback: a red warning calls its officers by SMS and through the
/// simulated voice gateway, whose phones press 1, are busy or never answer; their signed results come back to the
/// hub's callback endpoint, a 1 answers the 叫应, and the silent are called again at the deadline while the next tier
/// is told their names. Forged, stale and replayed results are refused and change nothing.
/// </summary>
public sealed class VoiceAcknowledgementHubTests
{
    private const string Secret = "voice-e2e-secret-0123456789";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static Dictionary<string, string?> VoiceSettings(VoiceSimulator simulator, string deadline) => new()
    {
        ["WarningHub:Acknowledgements:Deadlines:Red"] = deadline,
        ["WarningHub:Voice:sim:Url"] = simulator.CallUrl.ToString(),
        ["WarningHub:Voice:sim:Secret"] = Secret,
        ["WarningHub:Voice:sim:CallerId"] = "12379",
        ["WarningHub:Voice:sim:RateLimitPerSecond"] = "500",
    };

    [Fact]
    public async Task ARedWarning_PressOneAnswersByVoice_BusyAndUnansweredAreCalledAgainAtTheDeadline_AndTheNextTierGetsTheirNames()
    {
        // Everyone else presses 1 at once, so the only silent officers are the two under test.
        await using var simulator = new VoiceSimulator(new VoiceSimulatorOptions { Secret = Secret, ResultDelay = TimeSpan.FromMilliseconds(200), Default = SimulatedPhone.PressesOne });
        await simulator.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 1000, endpoints: Generated, settings: VoiceSettings(simulator, "00:00:15"));
        var endpoints = Generated(hub.Registry);
        var cadres = endpoints.Responsibilities.Where(r => r.Tier == ResponsibilityTier.Village && r.Acknowledges)
            .Select(r => endpoints.FindOfficer(r.OfficerId)!).DistinctBy(o => o.Phone).Take(3).ToList();
        simulator.Options.Phones[cadres[0].Phone] = SimulatedPhone.PressesOne;
        simulator.Options.Phones[cadres[1].Phone] = SimulatedPhone.Busy;
        simulator.Options.Phones[cadres[2].Phone] = SimulatedPhone.NeverAnswers;

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));

        var board = await WaitBoardAsync(hub.Http, id, b => How(b, cadres[0].Id) == "voice" && Outcomes(b, cadres[1].Id).Contains("1:busy")
            && Outcomes(b, cadres[2].Id).Contains("1:noAnswer"));
        Assert.Equal(["1:confirmed"], Outcomes(board, cadres[0].Id));
        var answered = Officer(board, cadres[0].Id);
        Assert.True(answered.GetProperty("answeredAt").GetDateTimeOffset() < answered.GetProperty("dueAt").GetDateTimeOffset(), "answered before the deadline");
        Assert.Equal(JsonValueKind.Null, Officer(board, cadres[1].Id).GetProperty("answeredAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, Officer(board, cadres[2].Id).GetProperty("answeredAt").ValueKind);

        // At the deadline: the two silent are called again (with the SMS reminder), the one who pressed 1 is not.
        Assert.True(await Eventually.TrueAsync(() => SecondCalls(simulator, cadres[1].Phone) == 1 && SecondCalls(simulator, cadres[2].Phone) == 1, Bound),
            "the busy and the unanswered officer were called again at the deadline");
        Assert.True(await Eventually.TrueAsync(() => Reminded(hub, cadres[1].Phone) && Reminded(hub, cadres[2].Phone), Bound), "the SMS reminders left with the calls");
        board = await WaitBoardAsync(hub.Http, id, b => Outcomes(b, cadres[1].Id).Contains("2:busy") && Outcomes(b, cadres[2].Id).Contains("2:noAnswer"));
        Assert.Equal(0, SecondCalls(simulator, cadres[0].Phone));
        Assert.Equal(0, Officer(board, cadres[0].Id).GetProperty("escalations").GetInt32());
        Assert.True(Officer(board, cadres[1].Id).GetProperty("escalations").GetInt32() >= 1);
        Assert.True(Officer(board, cadres[2].Id).GetProperty("escalations").GetInt32() >= 1);

        // The next tier (the town officers over the silent cadres' villages) gets the silent names, never the one who answered.
        foreach (var silent in cadres.Skip(1))
        {
            var town = endpoints.Officers.First(o => o.Role == OfficerRole.TownOfficer && o.RegionCode == hub.Registry.TownOf(silent.RegionCode)!.Code);
            Assert.True(await Eventually.TrueAsync(() => Lists(hub, town.Phone).Any(t => t.Contains(silent.Name, StringComparison.Ordinal)), Bound),
                $"the town officer was told that {silent.Name} is silent: {string.Join(" | ", Lists(hub, town.Phone))}");
        }

        var answeredEntry = $"{cadres[0].Name}（{hub.Registry.FindRegion(cadres[0].RegionCode)!.Name}）";
        Assert.DoesNotContain(hub.Smsc.ReceivedMessages, m => m.Text.Contains("【叫应未回复】", StringComparison.Ordinal) && m.Text.Contains(answeredEntry, StringComparison.Ordinal));
        Assert.All(simulator.Calls, c => Assert.Equal("12379", c.CallerId));
        Assert.Contains(simulator.Calls, c => c.Callee == cadres[0].Phone && c.Text.EndsWith("确认收到请按1。", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedStaleAndReplayedResults_AreRefused_AndRecordNothing_WhileARepeatedGenuineOneChangesNothing()
    {
        // The simulator never posts a result in this test: the test posts them itself.
        await using var simulator = new VoiceSimulator(new VoiceSimulatorOptions { Secret = Secret, ResultDelay = TimeSpan.FromHours(1) });
        await simulator.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 1000, endpoints: Generated, settings: VoiceSettings(simulator, "00:10:00"));
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var board = await WaitBoardAsync(hub.Http, id, b => b.GetProperty("summary").GetProperty("officers").GetInt32() > 0);
        var officerId = board.GetProperty("officers")[0].GetProperty("officerId").GetInt64();
        var warning = await hub.App.Services.GetRequiredService<IWarningStore>().GetAsync(id, default);
        var callId = string.Create(CultureInfo.InvariantCulture, $"ack:{warning!.Id}:{officerId}:voice:1");
        Assert.True(await Eventually.TrueAsync(() => simulator.Calls.Any(c => c.CallId == callId), Bound), "the officer was called by voice");
        // The hub's own clock: its callback window is ±5 minutes around it.
        var now = hub.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { callId, outcome = "answered", keypress = "1", endedAt = now }));

        using var forged = await PostAsync(hub.Http, body, now, "nonce-forged", secret: "not-the-gateway-secret-000");
        using var stale = await PostAsync(hub.Http, body, now.AddMinutes(-6), "nonce-stale");
        using var unsigned = await PostAsync(hub.Http, body, now, "nonce-unsigned", secret: null);
        var untouched = await JsonAsync(hub.Http, id);
        using var genuine = await PostAsync(hub.Http, body, now, "nonce-1");
        using var replayed = await PostAsync(hub.Http, body, now, "nonce-1");
        using var repeated = await PostAsync(hub.Http, body, now, "nonce-2");
        var unknownBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { callId = "ack:999999:1:voice:1", outcome = "busy", endedAt = now }));
        using var unknown = await PostAsync(hub.Http, unknownBody, now, "nonce-3");
        var after = await JsonAsync(hub.Http, id);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Empty(Outcomes(untouched, officerId));
        Assert.Equal(JsonValueKind.Null, Officer(untouched, officerId).GetProperty("answeredAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.True((await genuine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.False((await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["1:confirmed"], Outcomes(after, officerId));
        Assert.Equal("voice", How(after, officerId));
        Assert.Equal(untouched.GetProperty("summary").GetProperty("answered").GetInt32() + 1, after.GetProperty("summary").GetProperty("answered").GetInt32());
    }

    [Fact]
    public void BadVoiceSettings_AreEachNamedAtStartUp()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-voice-settings-");
        try
        {
            var settings = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            settings["WarningHub:Voice:sim:Url"] = "ftp://voice.example/";
            settings["WarningHub:Voice:sim:Secret"] = "short";
            settings["WarningHub:Voice:sim:CallerId"] = "12379";
            settings["WarningHub:Voice:sim:RateLimitPerSecond"] = "0";
            settings["WarningHub:Notices:VoiceFor:0"] = "Purple";

            var ex = Assert.Throws<WarningHub.Server.HubConfigurationException>(() => WarningHub.Server.HubHost.Build([], loadConfigFile: false, overrides: settings));

            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Voice:sim", StringComparison.Ordinal) && e.Contains("Url must be", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Voice:sim", StringComparison.Ordinal) && e.Contains("Secret must be", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Voice:sim", StringComparison.Ordinal) && e.Contains("RateLimitPerSecond must be", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains("VoiceFor: 'Purple' is not a level", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, DateTimeOffset at, string nonce, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/callbacks/voice/sim", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-WH-Timestamp", timestamp);
        request.Headers.Add("X-WH-Nonce", nonce);
        if (secret is not null)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n"), .. body]);
            request.Headers.Add("X-WH-Signature", Convert.ToHexStringLower(signature));
        }

        return await http.SendAsync(request);
    }

    private static CountyEndpoints Generated(CountyRegistry registry) =>
        EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");

    private static int SecondCalls(VoiceSimulator simulator, string phone) =>
        simulator.Calls.Count(c => c.Callee == phone && c.CallId.EndsWith(":voice:2", StringComparison.Ordinal));

    private static bool Reminded(TestHub hub, string phone) =>
        hub.Smsc.ReceivedMessages.Any(m => m.Destination == phone && m.Text.Contains("【叫应提醒】", StringComparison.Ordinal));

    private static List<string> Lists(TestHub hub, string phone) =>
        [.. hub.Smsc.ReceivedMessages.Where(m => m.Destination == phone && m.Text.Contains("【叫应未回复】", StringComparison.Ordinal)).Select(m => m.Text)];

    private static async Task<JsonElement> JsonAsync(HttpClient http, string id) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/acknowledgements");

    private static async Task<JsonElement> WaitBoardAsync(HttpClient http, string id, Func<JsonElement, bool> done)
    {
        JsonElement last = default;
        var ok = await Eventually.TrueAsync(async () =>
        {
            last = await JsonAsync(http, id);
            try
            {
                return done(last);
            }
            catch (InvalidOperationException)
            {
                return false; // an officer is not on the board yet: the calls are still being made
            }
        }, Bound, TimeSpan.FromMilliseconds(200));
        Assert.True(ok, $"the 叫应 board did not get there: {last}");
        return last;
    }

    private static JsonElement Officer(JsonElement board, long id) =>
        board.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("officerId").GetInt64() == id);

    private static string? How(JsonElement board, long id) => Officer(board, id).GetProperty("how").GetString();

    private static List<string> Outcomes(JsonElement board, long id) =>
        [.. Officer(board, id).GetProperty("voiceCalls").EnumerateArray()
            .Select(c => c.GetProperty("attempt").GetInt32().ToString(CultureInfo.InvariantCulture) + ":" + c.GetProperty("outcome").GetString())];
}
