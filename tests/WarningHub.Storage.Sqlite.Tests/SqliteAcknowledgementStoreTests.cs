using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Audit;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>The 叫应 rows and their notices: written together, stepped only from the step read, answered once.</summary>
public sealed class SqliteAcknowledgementStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Start_WritesCallsAndNotices_AndAgainAddsNothing()
    {
        await using var temp = new TempDatabase();
        var (store, notices, warning) = await ArrangeAsync(temp);

        var first = await store.StartAsync([Call(warning, 1), Call(warning, 2)], [Notice(warning, 1), Notice(warning, 2)], Now, default);
        var again = await store.StartAsync([Call(warning, 1)], [Notice(warning, 1)], Now, default);

        Assert.Equal((2, 0), (first, again));
        Assert.Equal(2, (await notices.OfWarningAsync(warning, null, default)).Count);
        Assert.Equal([(warning, Now + TimeSpan.FromMinutes(5))], await store.PendingDeadlinesAsync(default));
    }

    [Fact]
    public async Task Escalate_FromAStepThatMoved_ChangesNothingAndQueuesNoNotice()
    {
        await using var temp = new TempDatabase();
        var (store, notices, warning) = await ArrangeAsync(temp);
        await store.StartAsync([Call(warning, 1), Call(warning, 2)], [], Now, default);
        await store.AnswerAsync(warning, [2], AcknowledgementMethod.Link, Now, default);

        var stale = await store.EscalateAsync(warning, [new EscalationStep(1, 0), new EscalationStep(2, 0)], [Notice(warning, 9)], Now, default);
        var fresh = await store.EscalateAsync(warning, [new EscalationStep(1, 0)], [Notice(warning, 9)], Now, default);
        var replay = await store.EscalateAsync(warning, [new EscalationStep(1, 0)], [Notice(warning, 8)], Now, default);

        Assert.Equal((false, true, false), (stale, fresh, replay));
        Assert.Equal([9L], (await notices.OfWarningAsync(warning, null, default)).Select(n => n.Notice.OfficerId));
        var one = (await store.OfWarningAsync(warning, default)).Single(c => c.OfficerId == 1);
        Assert.Equal((1, Now + TimeSpan.FromMinutes(10)), (one.Escalations, one.NextDeadline));
    }

    [Fact]
    public async Task AnswerByPhone_AnswersOnlyCallsOfReleasedWarnings_AndKeepsTheFirstAnswer()
    {
        await using var temp = new TempDatabase();
        var (store, _, warning) = await ArrangeAsync(temp);
        var ended = await WarningAsync(temp, WarningState.Cancelled);
        await store.StartAsync([Call(warning, 1), Call(ended, 1)], [], Now, default);

        var bySms = await store.AnswerByPhoneAsync("13900000001", AcknowledgementMethod.Sms, Now.AddMinutes(1), default);
        var again = await store.AnswerByPhoneAsync("13900000001", AcknowledgementMethod.Sms, Now.AddMinutes(2), default);
        var byLink = await store.AnswerAsync(warning, [1], AcknowledgementMethod.Link, Now.AddMinutes(3), default);

        var answered = Assert.Single(bySms);
        Assert.Equal((warning, Now.AddMinutes(1), AcknowledgementMethod.Sms, (DateTimeOffset?)null), (answered.WarningId, answered.AnsweredAt!.Value, answered.AnsweredBy!.Value, answered.NextDeadline));
        Assert.Empty(again);
        Assert.Empty(byLink);
        Assert.True(Assert.Single(await store.OfWarningAsync(ended, default)).IsSilent);
        Assert.Empty(await store.PendingDeadlinesAsync(default)); // answered, and the other warning has ended
    }

    [Fact]
    public async Task EveryAnswer_IsAuditedByOfficerId_WithoutTheOfficersNameOrPhone()
    {
        await using var temp = new TempDatabase();
        var (store, _, warning) = await ArrangeAsync(temp);
        await store.StartAsync([Call(warning, 1), Call(warning, 2)], [], Now, default);
        await store.AnswerByPhoneAsync("13900000001", AcknowledgementMethod.Sms, Now.AddMinutes(1), default);
        await store.AnswerAsync(warning, [2], AcknowledgementMethod.Played, Now.AddMinutes(2), default);
        var marks = new SqliteHouseholdMarks(temp.Database);
        await marks.RecordAsync(new WarningHub.Core.Reach.HouseholdMark(warning, 511124100001, 42, WarningHub.Core.Reach.HouseholdMarkKind.Evacuated, 7, "张三", Now.AddMinutes(3)), default);

        var trail = new SqliteAuditTrail(temp.Database, TimeProvider.System);
        var rows = (await trail.ReadAsync(null, null, default)).Where(r => r.Action is AuditActions.Acknowledge or AuditActions.DoorToDoorMark).ToList();
        Assert.Equal([(AuditActions.Acknowledge, "officer:1"), (AuditActions.Acknowledge, "officer:2"), (AuditActions.DoorToDoorMark, "officer:7")],
            rows.Select(r => (r.Action, r.Actor)));
        Assert.Contains("Sms", rows[0].Detail, StringComparison.Ordinal);
        Assert.Contains("household 42: Evacuated", rows[2].Detail, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.DoesNotContain("13900000001", r.Actor + r.Subject + r.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Detail.Contains("张三", StringComparison.Ordinal));
        Assert.Null(AuditChain.Verify(trail.ReadChain()));
    }

    private static async Task<(SqliteAcknowledgementStore, SqliteNoticeStore, long)> ArrangeAsync(TempDatabase temp) =>
        (new SqliteAcknowledgementStore(temp.Database), new SqliteNoticeStore(temp.Database), await WarningAsync(temp, WarningState.Released));

    private static async Task<long> WarningAsync(TempDatabase temp, WarningState state)
    {
        var store = new SqliteWarningStore(temp.Database);
        var accepted = await store.AcceptAsync(new WarningRecord
        {
            PublicId = "",
            Sender = "s",
            Identifier = "ack-" + Guid.NewGuid().ToString("N"),
            Fingerprint = "f",
            CapStatus = CapStatus.Actual,
            MsgType = CapMsgType.Alert,
            Event = "暴雨",
            Level = WarningLevel.Red,
            Headline = "暴雨红色预警",
            Sent = Now,
            Effective = Now,
            Expires = Now.AddHours(6),
            ReceivedAt = Now,
            SubmittedBy = "test",
            CapXml = "<alert/>",
            State = state,
        }, default);
        return accepted.Warning.Id;
    }

    private static Acknowledgement Call(long warning, long officer) =>
        new(warning, officer, $"干部{officer}", $"1390000000{officer}", ResponsibilityTier.Village, ["511124100201"], Now, TimeSpan.FromMinutes(5));

    private static OfficerNotice Notice(long warning, long officer) =>
        new($"ack:{warning}:{officer}:call", warning, officer, "sms", $"1390000000{officer}", "【叫应】");
}
