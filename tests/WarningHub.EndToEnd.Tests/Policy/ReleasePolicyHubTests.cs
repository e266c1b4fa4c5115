using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Audit;
using WarningHub.Core.Planning.Policy;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Server;

namespace WarningHub.EndToEnd.Tests.Policy;

/// <summary>The release policy file in a running hub: the planner obeys it, and a bad file stops start-up naming every problem.</summary>
public sealed class ReleasePolicyHubTests
{
    private const string OfficersOnlyFog = """
        { "rules": [
            { "event": "*", "level": "*", "audiences": [ "public", "officers", "media" ] },
            { "event": "大雾", "level": "Yellow", "audiences": [ "officers" ] }
        ] }
        """;

    [Fact]
    public async Task YellowFog_ThePolicySendsToOfficersOnly_ReachesTheOfficersPhonesAndNoPersonsPhone()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-policy-");
        try
        {
            var policy = Path.Combine(folder.FullName, "policy.json");
            await File.WriteAllTextAsync(policy, OfficersOnlyFog);
            string[] officerPhones = ["13900000001", "13900000002", "13900000003"];
            await using var hub = await TestHub.StartAsync(persons: 600, settings: new Dictionary<string, string?>
                {
                    ["WarningHub:Engine:PolicyFile"] = policy,
                    // The policy turns the links on; their delay stays the DoorToDoor setting's (red 10 min), shortened here.
                    ["WarningHub:DoorToDoor:Delays:Red"] = "00:00:01",
                },
                endpoints: registry =>
                {
                    var village = registry.Villages[0];
                    return new CountyEndpoints([], [], [
                        new Officer(1, "镇值班员甲", officerPhones[0], registry.TownOf(village.Code)!.Code, OfficerRole.TownOfficer),
                        new Officer(2, "村干部甲", officerPhones[1], village.Code, OfficerRole.VillageCadre),
                        new Officer(3, "县值班员", officerPhones[2], registry.County.Code, OfficerRole.CountyOfficer),
                    ]);
                });
            var fog = Fog(LiveWarning.Sample("red-rainstorm.cap.xml"));

            var preview = await PreviewTests.PreviewAsync(hub, fog);
            Assert.Equal(0, preview.GetProperty("personsTargeted").GetInt32());
            Assert.Equal(["officers"], preview.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));

            var id = await hub.SubmitAcceptedAsync(fog);
            await hub.WaitAllFinalAsync(id);
            var destinations = hub.Smsc.ReceivedMessages.Select(m => m.Destination).ToHashSet();
            Assert.True(destinations.SetEquals(officerPhones), $"only the officers got the fog warning: {string.Join(",", destinations)}");
            var persons = hub.Registry.Persons.Select(p => p.Phone).OfType<string>().ToHashSet();
            Assert.DoesNotContain(destinations, persons.Contains);
            Assert.Equal(officerPhones.Length, preview.GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32());

            // The same hub still sends a red rainstorm to the public: the fallback rule.
            var red = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
            var warning = await hub.WaitAllFinalAsync(red);
            Assert.Equal(persons.Count, TestHub.Sms(warning, "planned"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ShippedSettings_UseThePolicyFileBesideThem_AnOperatorsEditIsApplied_AndStartUpNamesTheFileAndAuditsItsHash()
    {
        // The shipped settings and, beside them as in config/, the policy file edited the way an operator would.
        var folder = Directory.CreateTempSubdirectory("warninghub-policy-");
        try
        {
            var settingsFile = Path.Combine(folder.FullName, "warninghub.json");
            File.Copy(Path.Combine(Repo.Root, "config", "warninghub.json"), settingsFile);
            var policy = Path.Combine(folder.FullName, ReleasePolicy.FileName);
            await File.WriteAllTextAsync(policy, OfficersOnlyFog);
            var logs = new ListLoggerProvider();
            await using var hub = await TestHub.StartAsync(persons: 300, configFile: settingsFile,
                settings: new Dictionary<string, string?>
                {
                    // The shipped gateway points at a port nobody listens on here: the preview sends nothing.
                    ["WarningHub:Sms:Smpp:mobile:Port"] = LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                configure: b => b.Logging.AddProvider(logs).AddFilter<ListLoggerProvider>(null, LogLevel.Information),
                endpoints: registry => new CountyEndpoints([], [], [new Officer(1, "县值班员", "13900000003", registry.County.Code, OfficerRole.CountyOfficer)]));

            var preview = await PreviewTests.PreviewAsync(hub, Fog(LiveWarning.Sample("red-rainstorm.cap.xml")));

            Assert.Equal(0, preview.GetProperty("personsTargeted").GetInt32());
            Assert.Equal(["officers"], preview.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("rules[1] (大雾, Yellow)", preview.GetProperty("rule").GetString());
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(policy)));
            Assert.Contains(logs.Entries, e => e.Message.Contains($"Release policy {policy}: 2 rules, sha256 {sha256}", StringComparison.Ordinal));
            var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
            var settingsRow = Assert.Single(audit, r => r.Action == AuditActions.Settings);
            Assert.Contains($"release policy {policy} sha256 {sha256}", settingsRow.Detail, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RedRainstorm_ThePolicySendsDoorToDoorWithout叫应_TextsTheVillageCadresTheirPage_AndCallsNobody()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-policy-");
        try
        {
            var policy = Path.Combine(folder.FullName, "policy.json");
            await File.WriteAllTextAsync(policy, """
                { "rules": [
                    { "event": "*", "level": "*", "audiences": [ "public", "officers", "media" ] },
                    { "event": "暴雨", "level": "Red", "audiences": [ "public", "officers", "media" ], "acknowledge": false, "doorToDoor": true }
                ] }
                """);
            const string CadrePhone = "13900000012";
            await using var hub = await TestHub.StartAsync(persons: 300, settings: new Dictionary<string, string?>
                {
                    ["WarningHub:Engine:PolicyFile"] = policy,
                    // The policy turns the links on; their delay stays the DoorToDoor setting's (red 10 min), shortened here.
                    ["WarningHub:DoorToDoor:Delays:Red"] = "00:00:01",
                },
                endpoints: registry => new CountyEndpoints([], [], [new Officer(12, "村干部乙", CadrePhone, registry.Villages[0].Code, OfficerRole.VillageCadre)]));

            var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
            await hub.WaitAllFinalAsync(id);

            Assert.True(await Eventually.TrueAsync(() => hub.Smsc.ReceivedMessages.Any(m => m.Destination == CadrePhone), TimeSpan.FromSeconds(20)), "the cadre got a text");
            var toCadre = Assert.Single(hub.Smsc.ReceivedMessages, m => m.Destination == CadrePhone);
            Assert.Contains("【入户通知】", toCadre.Text, StringComparison.Ordinal);
            Assert.Contains($"/d/{id}/{hub.Registry.Villages[0].Code}/12/", toCadre.Text, StringComparison.Ordinal);
            var board = await hub.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/warnings/{id}/acknowledgements");
            Assert.False(board.GetProperty("required").GetBoolean(), "a red rainstorm calls officers by default; this policy says no");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void HubBuild_WithABadPolicyFile_ListsEveryProblemWithItsPlace_AndDoesNotStart()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-policy-");
        try
        {
            var policy = Path.Combine(folder.FullName, "policy.json");
            File.WriteAllText(policy, """
                { "rules": [
                    { "event": "*", "level": "*", "audiences": [ "public" ] },
                    { "event": "暴雨", "level": "Purple", "audiences": [ "public" ] },
                    { "event": "山洪", "level": "Red", "audiences": [ "public" ], "channels": [ "fax" ] },
                    { "event": "山洪", "level": "Red", "audiences": [ "public" ] },
                    { "event": "地质灾害", "level": "*", "audiences": [ "public" ], "repeat": { "every": "soon", "count": 3 } }
                ] }
                """);
            var settings = TestHub.Settings(folder.FullName, smscPort: 2775, gatewayRate: 0);
            settings["WarningHub:Engine:PolicyFile"] = policy;

            var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

            var all = string.Join("\n", ex.Errors);
            Assert.Contains(ex.Errors, e => e.Contains("PolicyFile", StringComparison.Ordinal));
            Assert.Contains("rules[1].level 'Purple' is not a level", all, StringComparison.Ordinal);
            Assert.Contains("rules[2].channels[0] 'fax' is not a channel", all, StringComparison.Ordinal);
            Assert.Contains("rules[3]: duplicate rule for event '山洪' and level 'Red'", all, StringComparison.Ordinal);
            Assert.Contains("rules[4].repeat.every 'soon'", all, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static CapAlert Fog(CapAlert alert) => alert with
    {
        Infos = alert.Infos.Select(i => i with
        {
            Event = "大雾",
            Severity = CapSeverity.Moderate,
            Headline = "井研县气象台发布大雾黄色预警信号",
            Parameters = i.Parameters.Select(p => p.Value switch
            {
                "红色" => p with { Value = "黄色" },
                "Red" => p with { Value = "Yellow" },
                _ => p,
            }).ToList(),
        }).ToList(),
    };
}
