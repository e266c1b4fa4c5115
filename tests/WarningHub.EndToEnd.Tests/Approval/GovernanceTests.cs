using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Audit;
using WarningHub.Core.Registry;
using WarningHub.Core.Users;
using WarningHub.Testing;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>Issue 11, items 2, 3, 4 and 8 around the approval itself: scopes, sign-in and lock-out, deadlines, expiry, the audit.</summary>
public sealed class GovernanceTests
{
    [Fact]
    public async Task AnAgencyOutsideItsEventsOrAreas_Gets403NamingTheField_AndNothingIsStored()
    {
        var town = RegistryCsv.LoadCounty(Repo.SampleCounty).Towns[0].Code;
        await using var hub = await TestHub.StartAsync(persons: 200, settings: new Dictionary<string, string?>
        {
            ["WarningHub:Hub:Agencies:0:Events:0"] = "暴雨",
            ["WarningHub:Hub:Agencies:0:Areas:0"] = town,
        });
        var county = LiveWarning.Sample("red-rainstorm.cap.xml");
        using (var outside = await hub.SubmitAsync(county))
        {
            var problem = await ApprovalHub.BodyAsync(outside);
            Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
            var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
            Assert.Equal(["info[0].area[0].geocode[0]", "info[1].area[0].geocode[0]"], fields);
        }
        var flood = county with { Infos = [.. county.Infos.Select(i => i with { Event = "山洪" })] };
        var inTown = WithArea(flood, town);
        using (var wrongEvent = await hub.SubmitAsync(inTown))
        {
            var problem = await ApprovalHub.BodyAsync(wrongEvent);
            Assert.Equal(HttpStatusCode.Forbidden, wrongEvent.StatusCode);
            // Only the disseminated (Chinese) info's event is checked: the English translation is not a second refusal.
            Assert.Equal(["info[0].event"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList());
        }
        using (var operators = hub.Client(TestHub.OperatorKey))
        {
            using var none = await operators.Http.GetAsync(new Uri("/api/v1/approvals", UriKind.Relative));
            Assert.Equal("[]", await none.Content.ReadAsStringAsync());
        }
        Assert.Empty(await hub.App.Services.GetRequiredService<WarningHub.Core.Warnings.IWarningStore>().ListActiveAsync(default));

        var id = await hub.SubmitAcceptedAsync(WithArea(county, town));
        Assert.StartsWith("W", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LocksOutAfterRepeatedFailures_EvenWithTheRightPassword_AndADisabledUsersSessionEndsAtOnce()
    {
        await using var hub = await ApprovalHub.StartAsync(new Dictionary<string, string?> { ["WarningHub:Hub:Users:MaxFailedSignIns"] = "3" });
        using var bobSession = await hub.SessionAsync("bob");
        using var anonymous = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/v1/sessions", new { user = "alice", password = "wrong-password-" + i });
            codes.Add(wrong.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423], codes);
        using (var right = await anonymous.PostAsJsonAsync("/api/v1/sessions", new { user = "alice", password = ApprovalHub.Password }))
            Assert.Equal((HttpStatusCode)423, right.StatusCode);
        using (var unknown = await anonymous.PostAsJsonAsync("/api/v1/sessions", new { user = "nobody", password = ApprovalHub.Password }))
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        Assert.True(await hub.App.Services.GetRequiredService<IUserStore>().DisableAsync("bob", "test", default));
        using var afterDisable = await bobSession.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal("PendingApproval", ApprovalHub.State(await hub.WarningAsync(id)));

        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        Assert.Contains(audit, r => r.Action == AuditActions.UserLockedOut && r.Subject == "alice");
        Assert.Contains(audit, r => r.Action == AuditActions.UserDisable && r.Subject == "bob");
        Assert.Null(AuditChain.Verify(audit));
    }

    [Fact]
    public async Task APendingWarningPastItsDeadline_CallsTheNextApproversBySms_OneByOne_AndExpiresUnsentAtItsEnd()
    {
        await using var hub = await ApprovalHub.StartAsync(new Dictionary<string, string?>
        {
            ["WarningHub:Approval:Deadline"] = "00:00:00.300",
            ["WarningHub:Approval:CheckInterval"] = "00:00:00.050",
        });
        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml", expiresIn: TimeSpan.FromSeconds(4)))).GetProperty("id").GetString()!;

        bool CalledAt(string phone) => hub.Smsc.ReceivedMessages.Any(m => m.Destination.EndsWith(phone, StringComparison.Ordinal) && m.Text.Contains(id, StringComparison.Ordinal));
        Assert.True(await Eventually.TrueAsync(() => CalledAt("13800138001") && CalledAt("13800138002"), TimeSpan.FromSeconds(20)), "alice, then bob, are called");
        Assert.True(await Eventually.TrueAsync(async () => ApprovalHub.State(await hub.WarningAsync(id)) == "Expired", TimeSpan.FromSeconds(20)), "expires pending");

        var status = await hub.WarningAsync(id);
        Assert.Equal(0, TestHub.Sms(status, "planned"));
        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var calls = audit.Where(r => r.Action == AuditActions.ApproverCalled && r.Subject == id).Select(r => r.Detail.Split(' ')[0]).ToList();
        Assert.Equal(["alice", "bob"], calls);
        Assert.Contains(audit, r => r.Action == AuditActions.Expire && r.Subject == id);
        Assert.All(audit, r => Assert.DoesNotContain("13800138001", r.Detail + r.Actor + r.Subject, StringComparison.Ordinal));
    }

    private static WarningHub.Core.Cap.CapAlert WithArea(WarningHub.Core.Cap.CapAlert alert, string code) => alert with
    {
        Infos = [.. alert.Infos.Select(i => i with
        {
            Areas = [.. i.Areas.Select(a => a with { Geocodes = [new WarningHub.Core.Cap.CapNamedValue("行政区划代码", code)] })],
        })],
    };
}
