using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Audit;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Core.Users;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Shared;
using WarningHub.EndToEnd.Tests.Approval;
using WarningHub.Server.Security;

namespace WarningHub.EndToEnd.Tests.Drills;

/// <summary>
/// Drills (演练): an administrator authorises an area and a window; an Exercise inside both reaches the area's real
/// population, every SMS marked 【演练】; outside either, test recipients only, as before.
/// </summary>
public sealed class DrillTests
{
    [Fact]
    public async Task Exercise_InsideAnAuthorisedDrill_ReachesTheAreasRealPersonsMarked_AndOutsideTheAreaOrWindow_TestRecipientsOnly()
    {
        await using var hub = await TestHub.StartAsync(persons: 1500, smsc: o => o.ReceiptDelay = TimeSpan.FromMilliseconds(20));
        var admin = await AdministratorAsync(hub);
        var towns = hub.Registry.Villages.Select(v => hub.Registry.TownOf(v.Code)!.Code).Distinct().ToList();
        var (drillTown, laterTown) = (towns[0], towns[1]);
        var now = TimeProvider.System.GetUtcNow();
        var drill = await AuthoriseAsync(admin, [drillTown], now.AddMinutes(-1), now.AddHours(1));
        await AuthoriseAsync(admin, [laterTown], now.AddHours(1), now.AddHours(2));
        var testPhones = hub.Registry.Persons.Where(p => p.IsTestRecipient && p.Phone is not null).Select(p => p.Phone!).ToHashSet();

        // Inside the area and the window: the town's real population.
        var inside = await hub.SubmitAcceptedAsync(ExerciseIn(drillTown));
        await hub.WaitAllFinalAsync(inside);
        var townPhones = PhonesUnder(hub, drillTown);
        var received = hub.Smsc.ReceivedMessages;
        Assert.True(received.Select(m => m.Destination).ToHashSet().SetEquals(townPhones), "every phone of the drill's town, and no other");
        Assert.True(townPhones.Count > testPhones.Count(townPhones.Contains), "more than the test recipients");
        Assert.All(received, m => Assert.Contains("【演练】", m.Text, StringComparison.Ordinal));

        // Outside the area (the whole county) and outside the window (the later town): test recipients only.
        foreach (var alert in new[] { ExerciseIn("511124000000"), ExerciseIn(laterTown) })
        {
            var before = hub.Smsc.ReceivedMessages.Count;
            var id = await hub.SubmitAcceptedAsync(alert);
            await hub.WaitAllFinalAsync(id);
            var added = hub.Smsc.ReceivedMessages.Skip(before).ToList();
            Assert.NotEmpty(added);
            Assert.All(added, m => Assert.Contains(m.Destination, testPhones));
            var report = await hub.Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/drill-report");
            Assert.Equal(JsonValueKind.Null, report.GetProperty("drill").ValueKind);
        }

        // The report of the drill: its keys, and numbers that hold together.
        var drillReport = await hub.Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{inside}/drill-report");
        Assert.Equal(drill.GetProperty("id").GetInt64(), drillReport.GetProperty("drill").GetInt64());
        var sms = drillReport.GetProperty("channels").GetProperty("sms");
        Assert.Equal(townPhones.Count, sms.GetProperty("planned").GetInt32());
        Assert.Equal(townPhones.Count, sms.GetProperty("delivered").GetInt32());
        var first = sms.GetProperty("firstSendSeconds").GetDouble();
        var half = sms.GetProperty("reached50Seconds").GetDouble();
        var most = sms.GetProperty("reached95Seconds").GetDouble();
        Assert.True(first >= 0 && first <= half && half <= most && most < 60, $"first {first}, 50 % {half}, 95 % {most}");
        Assert.True(drillReport.GetProperty("acknowledgements").TryGetProperty("medianAnswerSeconds", out _));
        Assert.Equal(JsonValueKind.Array, drillReport.GetProperty("answerSeconds").ValueKind);
        var door = drillReport.GetProperty("doorToDoor");
        Assert.True(door.GetProperty("householdsTargeted").GetInt32() > 0);
        // A household stays on the list while any of its persons is unreached, so the list holds at least those no one of which was reached.
        var (targeted, reachedHouseholds, unreached) = (door.GetProperty("householdsTargeted").GetInt32(), door.GetProperty("householdsReached").GetInt32(),
            door.GetProperty("householdsUnreached").GetInt32());
        Assert.InRange(unreached, targeted - reachedHouseholds, targeted);
        Assert.True(reachedHouseholds > 0, "the delivered SMS reached households");
        Assert.Equal(0, door.GetProperty("householdsMarked").GetInt32());
        var reach = await hub.ReachAsync(inside);
        Assert.Equal(hub.Registry.Persons.Count(p => p.VillageCode.StartsWith(drillTown[..9], StringComparison.Ordinal)),
            reach.GetProperty("county").GetProperty("persons").GetProperty("targeted").GetInt32());
    }

    [Fact]
    public async Task DrillReport_ShowsTheOfficersAnswerToTheCall_AndTheCadresDoorToDoorMark_MadeDuringTheDrill()
    {
        const long CadreId = 7;
        const string CadrePhone = "13900000007";
        var village = "";
        await using var hub = await TestHub.StartAsync(persons: 600, smsc: o => o.ReceiptDelay = TimeSpan.FromMilliseconds(20), endpoints: registry =>
        {
            // One village cadre who answers the call (叫应) and goes door to door (到户) in the drill's village.
            village = registry.Villages[0].Code;
            return new CountyEndpoints([], [], [new Officer(CadreId, "村干部甲", CadrePhone, village, OfficerRole.VillageCadre)],
                [new Responsibility(village, CadreId, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both)]);
        });
        var admin = await AdministratorAsync(hub);
        var town = hub.Registry.TownOf(village)!.Code;
        var now = TimeProvider.System.GetUtcNow();
        await AuthoriseAsync(admin, [town], now.AddMinutes(-1), now.AddHours(1));

        var id = await hub.SubmitAcceptedAsync(ExerciseIn(town));
        Assert.True(await Eventually.TrueAsync(() => hub.Smsc.ReceivedMessages.Any(m => m.Destination == CadrePhone && m.Text.Contains("【叫应】", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30)), "the cadre was called");
        var answerLink = hub.App.Services.GetRequiredService<AcknowledgementLinks>().PathOf(id, CadreId);
        using (var answered = await hub.Http.PostAsync(new Uri(answerLink + "/received", UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var household = hub.Registry.Households.First(h => h.VillageCode == village).Id;
        var doorLink = hub.App.Services.GetRequiredService<DoorLinks>().PathOf(id, village, CadreId);
        using (var phone = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.Http.BaseAddress })
        using (var marked = await phone.PostAsync(new Uri(doorLink + "/mark", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["h"] = $"{household}", ["k"] = "toldInPerson" })))
        {
            Assert.Equal(HttpStatusCode.SeeOther, marked.StatusCode);
        }
        await hub.WaitAllFinalAsync(id);

        var report = await hub.Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/drill-report");

        Assert.Equal(JsonValueKind.Number, report.GetProperty("drill").ValueKind);
        var answer = Assert.Single(report.GetProperty("answerSeconds").EnumerateArray()).GetDouble();
        Assert.InRange(answer, 0, 60);
        var calls = report.GetProperty("acknowledgements");
        Assert.Equal((1, 1), (calls.GetProperty("officers").GetInt32(), calls.GetProperty("answered").GetInt32()));
        Assert.Equal(answer, calls.GetProperty("medianAnswerSeconds").GetDouble(), 1);
        Assert.Equal(1, report.GetProperty("doorToDoor").GetProperty("householdsMarked").GetInt32());
    }

    [Fact]
    public async Task Authorise_ByAnyoneButAnAdministrator_Is403_BadInputIs400NamingEachField_AndAnAuthorisationIsAudited()
    {
        await using var hub = await TestHub.StartAsync(persons: 200);
        var admin = await AdministratorAsync(hub);
        await hub.App.Services.GetRequiredService<IUserStore>().AddAsync(
            UserAccounts.NewUser("alice", HubRole.Approver, ApprovalHub.Password, null, "13800138001", TimeProvider.System.GetUtcNow()), "test", default);
        using var approver = await hub.SessionAsync("alice");
        var now = TimeProvider.System.GetUtcNow();
        var body = new { areas = new[] { "511124" }, from = now, to = now.AddHours(1) };

        using (var refused = await approver.PostAsJsonAsync("/api/v1/drills", body)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var byKey = await hub.Http.PostAsJsonAsync("/api/v1/drills", body)) Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        using (var bad = await admin.PostAsJsonAsync("/api/v1/drills", new { areas = new[] { "511124", "440100" }, from = now, to = now.AddHours(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var fields = (await ApprovalHub.BodyAsync(bad)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
            Assert.Contains("areas[1]", fields);
            Assert.Contains("to", fields);
            Assert.DoesNotContain("areas[0]", fields);
        }
        using (var operators = hub.Client(TestHub.OperatorKey)) Assert.Empty(await operators.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/drills") ?? []);

        var drill = await AuthoriseAsync(admin, ["511124"], now, now.AddHours(1));
        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/drills");
        Assert.Equal(drill.GetProperty("id").GetInt64(), Assert.Single(listed!).GetProperty("id").GetInt64());
        Assert.Equal("ada", listed![0].GetProperty("authorisedBy").GetString());
        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var row = Assert.Single(audit, r => r.Action == AuditActions.DrillAuthorise);
        Assert.Equal("ada", row.Actor);
    }

    internal static async Task<HttpClient> AdministratorAsync(TestHub hub)
    {
        await hub.App.Services.GetRequiredService<IUserStore>().AddAsync(
            UserAccounts.NewUser("ada", HubRole.Administrator, ApprovalHub.Password, null, null, TimeProvider.System.GetUtcNow()), "test", default);
        return await hub.SessionAsync("ada");
    }

    internal static async Task<JsonElement> AuthoriseAsync(HttpClient admin, string[] areas, DateTimeOffset from, DateTimeOffset to)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/drills", new { areas, from, to });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static CapAlert ExerciseIn(string code)
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        return alert with
        {
            Status = CapStatus.Exercise,
            Infos = alert.Infos.Select(i => i with
            {
                Areas = i.Areas.Select(a => a with { Geocodes = a.Geocodes.Select(g => g with { Value = code }).ToList() }).ToList(),
            }).ToList(),
        };
    }

    private static HashSet<string> PhonesUnder(TestHub hub, string townCode) =>
        hub.Registry.Persons.Where(p => p.Phone is not null && p.VillageCode.StartsWith(townCode[..9], StringComparison.Ordinal)).Select(p => p.Phone!).ToHashSet();
}
