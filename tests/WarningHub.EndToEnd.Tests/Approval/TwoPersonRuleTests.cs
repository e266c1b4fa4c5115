using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Audit;
using WarningHub.Core.Cap;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>
/// Issue 11, item 9: the two-person rule through every path. None of them releases an orange or red Actual warning with
/// fewer than two distinct approvers: the API, two sessions of one user (also racing), the submitter, a resubmission,
/// and an Update of an approved warning.
/// </summary>
public sealed class TwoPersonRuleTests
{
    [Fact]
    public async Task RedActual_ThroughTheApi_WaitsPending_UntilTwoDifferentApprovers_ThenIsReleasedOnce()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var submitted = await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Equal("PendingApproval", submitted.GetProperty("state").GetString());
        Assert.Equal(2, submitted.GetProperty("approversRequired").GetInt32());

        using var alice = await hub.SessionAsync("alice");
        using var bob = await hub.SessionAsync("bob");
        var pending = await JsonSerializerList(alice, "/api/v1/approvals");
        Assert.Contains(pending, w => w.GetProperty("id").GetString() == id);

        using (var first = await alice.ApproveAsync(id))
        {
            var answer = await ApprovalHub.BodyAsync(first);
            Assert.True(first.IsSuccessStatusCode, answer.ToString());
            Assert.Equal("recorded", answer.GetProperty("outcome").GetString());
            Assert.Equal("PendingApproval", answer.GetProperty("state").GetString());
        }
        // One approval in: the warning is still pending in the store, and nothing was planned for it.
        var status = await hub.WarningAsync(id);
        Assert.Equal("PendingApproval", ApprovalHub.State(status));
        Assert.Equal(0, TestHub.Sms(status, "planned"));
        Assert.Equal(1, status.GetProperty("approval").GetProperty("approvals").GetInt32());

        using (var second = await bob.ApproveAsync(id))
        {
            var answer = await ApprovalHub.BodyAsync(second);
            Assert.True(second.IsSuccessStatusCode, answer.ToString());
            Assert.Equal("approved", answer.GetProperty("outcome").GetString());
        }
        var released = await hub.WaitReleasedAsync(id);
        Assert.Equal(2, released.GetProperty("approval").GetProperty("approvals").GetInt32());
        Assert.Equal("approved", released.GetProperty("approval").GetProperty("status").GetString());
        Assert.Equal(TestHub.Sms(released, "planned"), hub.Smsc.ReceivedMessages.Select(m => m.Destination).Distinct().Count());

        using var late = await bob.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task TwoSessionsOfOneUser_CountOnce_EvenRacing_AndTheWarningStaysPending()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        using var first = await hub.SessionAsync("alice");
        using var second = await hub.SessionAsync("alice");

        var answers = await Task.WhenAll(first.ApproveAsync(id), second.ApproveAsync(id));
        var codes = answers.Select(a => a.StatusCode).Order().ToList();
        foreach (var a in answers) a.Dispose();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);

        using var third = await second.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        var status = await hub.WarningAsync(id);
        Assert.Equal("PendingApproval", ApprovalHub.State(status));
        Assert.Equal(1, status.GetProperty("approval").GetProperty("approvals").GetInt32());
        Assert.Equal(0, TestHub.Sms(status, "planned"));
    }

    [Fact]
    public async Task TheSubmitter_MayNotApprove_ItsOwnWarning_AndAnotherUserWithoutTheRole_MayNotEither()
    {
        await using var hub = await ApprovalHub.StartAsync();
        // carol is an approver who submits for the weather agency through her session; dora is a duty officer.
        using var carol = await hub.SessionAsync("carol");
        using var dora = await hub.SessionAsync("dora");
        var submitted = await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"), carol);
        var id = submitted.GetProperty("id").GetString()!;

        using var own = await carol.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("submitter", (await ApprovalHub.BodyAsync(own)).GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
        using var notApprover = await dora.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Forbidden, notApprover.StatusCode);
        using var agencyKey = await hub.Http.PostAsync(new Uri($"/api/v1/warnings/{id}/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, agencyKey.StatusCode);

        using var alice = await hub.SessionAsync("alice");
        using var one = await alice.ApproveAsync(id);
        Assert.True(one.IsSuccessStatusCode);
        var status = await hub.WarningAsync(id);
        Assert.Equal("PendingApproval", ApprovalHub.State(status));
        Assert.Equal("carol", status.GetProperty("approval").GetProperty("submitter").GetString());
    }

    [Fact]
    public async Task Resubmission_ReturnsThePendingWarning_AndANewIdentifierStartsItsOwnCount()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = (await hub.SubmitPendingAsync(alert)).GetProperty("id").GetString()!;
        using var alice = await hub.SessionAsync("alice");
        using (var approved = await alice.ApproveAsync(id)) Assert.True(approved.IsSuccessStatusCode);

        var again = await hub.SubmitPendingAsync(alert);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal("PendingApproval", again.GetProperty("state").GetString());

        // The same content under a new identifier is another warning: alice's approval of the first does not count for it.
        var copy = await hub.SubmitPendingAsync(alert with { Identifier = alert.Identifier + "-again" });
        var copyId = copy.GetProperty("id").GetString()!;
        Assert.NotEqual(id, copyId);
        using (var approved = await alice.ApproveAsync(copyId)) Assert.True(approved.IsSuccessStatusCode);
        foreach (var w in new[] { id, copyId })
        {
            var status = await hub.WarningAsync(w);
            Assert.Equal("PendingApproval", ApprovalHub.State(status));
            Assert.Equal(1, status.GetProperty("approval").GetProperty("approvals").GetInt32());
        }
    }

    [Fact]
    public async Task UpdateOfAnApprovedWarning_NeedsTwoApproversOfItsOwn_AndTheOriginalStaysInForceUntilThen()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var original = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = (await hub.SubmitPendingAsync(original)).GetProperty("id").GetString()!;
        using var alice = await hub.SessionAsync("alice");
        using var bob = await hub.SessionAsync("bob");
        (await alice.ApproveAsync(id)).Dispose();
        (await bob.ApproveAsync(id)).Dispose();
        await hub.WaitReleasedAsync(id);

        var update = await hub.SubmitPendingAsync(LiveWarning.UpdateOf(original));
        var updateId = update.GetProperty("id").GetString()!;
        Assert.Equal("PendingApproval", update.GetProperty("state").GetString());
        using (var one = await alice.ApproveAsync(updateId)) Assert.True(one.IsSuccessStatusCode);
        using (var twice = await alice.ApproveAsync(updateId)) Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Released", ApprovalHub.State(await hub.WarningAsync(id)));
        Assert.Equal("PendingApproval", ApprovalHub.State(await hub.WarningAsync(updateId)));

        using (var two = await bob.ApproveAsync(updateId)) Assert.True(two.IsSuccessStatusCode);
        await hub.WaitReleasedAsync(updateId);
        Assert.Equal("Superseded", ApprovalHub.State(await hub.WarningAsync(id)));

        // The original's end is in the audit only once the Update had both approvals: after the Update's second "approve".
        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var superseded = Assert.Single(audit, r => r.Action == AuditActions.Supersede);
        Assert.Equal(id, superseded.Subject);
        var lastApproval = audit.Last(r => r.Action == AuditActions.Approve && r.Subject == updateId);
        Assert.Equal(2, audit.Where(r => r.Action == AuditActions.Approve && r.Subject == updateId).Select(r => r.Actor).Distinct().Count());
        Assert.True(superseded.Seq > lastApproval.Seq, "superseded only after the Update's second approval");
        Assert.Null(AuditChain.Verify(audit));
    }

    [Fact]
    public async Task Reject_NeedsAReason_EndsTheWarningWithIt_AndNothingIsSentOrApprovedAfter()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        using var alice = await hub.SessionAsync("alice");
        using var bob = await hub.SessionAsync("bob");

        using (var noReason = await alice.RejectAsync(id, "  ")) Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("PendingApproval", ApprovalHub.State(await hub.WarningAsync(id)));
        using (var rejected = await alice.RejectAsync(id, "区域有误：应为千佛镇，请回电 0833-5123456 或 138 0013 8000")) Assert.True(rejected.IsSuccessStatusCode);
        using (var late = await bob.ApproveAsync(id)) Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var status = await hub.WarningAsync(id);
        Assert.Equal("Rejected", ApprovalHub.State(status));
        Assert.Contains("区域有误", status.GetProperty("failure").GetString()!, StringComparison.Ordinal);
        Assert.Equal("rejected", status.GetProperty("approval").GetProperty("status").GetString());
        Assert.Equal(0, TestHub.Sms(status, "planned"));

        // A reason is free text: the audit keeps it with every number in it masked, a landline and a spaced-out mobile too.
        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var rejection = Assert.Single(audit, r => r.Action == AuditActions.Reject && r.Subject == id);
        Assert.Equal("区域有误：应为千佛镇，请回电 083****3456 或 138****8000", rejection.Detail);
    }

    [Fact]
    public async Task RedExercise_IsReleasedAtOnce_UnderTheTwoPersonRule_WhichIsForActualOnly()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var exercise = LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Exercise };
        var answer = await hub.SubmitPendingAsync(exercise);
        Assert.Equal("Accepted", answer.GetProperty("state").GetString());
        Assert.Equal(0, answer.GetProperty("approversRequired").GetInt32());
    }

    [Fact]
    public async Task ACancelOfAPendingWarning_EndsItUnsent_WithoutWaitingForApprovers()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = (await hub.SubmitPendingAsync(alert)).GetProperty("id").GetString()!;
        var cancel = await hub.SubmitPendingAsync(LiveWarning.CancelOf(alert));
        Assert.Equal(0, cancel.GetProperty("approversRequired").GetInt32());

        var ended = await TestHub.WaitForAsync(hub.Http, id, w => ApprovalHub.State(w) == "Cancelled", TimeSpan.FromSeconds(30));
        Assert.Equal(0, TestHub.Sms(ended, "planned"));
        using var alice = await hub.SessionAsync("alice");
        using var late = await alice.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.DoesNotContain(hub.Smsc.ReceivedMessages, m => m.Text.Contains("暴雨红色", StringComparison.Ordinal) && !m.Text.Contains("解除", StringComparison.Ordinal));
    }

    private static async Task<List<JsonElement>> JsonSerializerList(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. JsonDocument.Parse(body).RootElement.Clone().EnumerateArray()];
    }
}
