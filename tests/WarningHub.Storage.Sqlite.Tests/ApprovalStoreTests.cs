using Microsoft.Data.Sqlite;
using WarningHub.Core.Approval;
using WarningHub.Core.Audit;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>The approval store counts distinct people in one transaction, whatever the interleaving of requests.</summary>
public sealed class ApprovalStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);

    private static WarningRecord Pending(string identifier, string? submitter = null) => new()
    {
        PublicId = "",
        Sender = "jingyan.qxj@weather.example",
        Identifier = identifier,
        Fingerprint = "fp-" + identifier,
        CapStatus = CapStatus.Actual,
        MsgType = CapMsgType.Alert,
        Event = "暴雨",
        Level = WarningLevel.Red,
        Headline = "暴雨红色预警",
        Sent = T0,
        Effective = T0,
        Expires = T0.AddHours(6),
        ReceivedAt = T0,
        SubmittedBy = "jingyan-weather",
        Submitter = submitter,
        CapXml = "<alert/>",
        ApproversRequired = 2,
        State = WarningState.PendingApproval,
    };

    [Fact]
    public async Task ManyApprovalsRacing_FromTwoPeople_ApproveOnce_AndOnlyWhenBothHaveApproved()
    {
        await using var db = new TempDatabase();
        var warnings = new SqliteWarningStore(db.Database);
        var approvals = new SqliteApprovalStore(db.Database);
        var id = (await warnings.AcceptAsync(Pending("race"), default)).Warning.Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => approvals.ApproveAsync(id, i % 2 == 0 ? "alice" : "bob", T0.AddSeconds(i), default))));

        Assert.Single(results, r => r.Outcome == ApprovalOutcome.Approved);
        Assert.Single(results, r => r.Outcome == ApprovalOutcome.Recorded);
        Assert.All(results.Where(r => r.Outcome is not (ApprovalOutcome.Approved or ApprovalOutcome.Recorded)),
            r => Assert.True(r.Outcome is ApprovalOutcome.AlreadyApproved or ApprovalOutcome.NotPending, r.Outcome.ToString()));
        Assert.Equal(WarningState.Accepted, (await warnings.GetByIdAsync(id, default))!.State);
        Assert.Equal(["alice", "bob"], (await approvals.DecisionsAsync(id, default)).Select(d => d.User).Order());
        Assert.Null(AuditChain.Verify(new SqliteAuditTrail(db.Database, TimeProvider.System).ReadChain()));
    }

    [Fact]
    public async Task TheSubmitter_IsRefused_AndARejectedWarning_TakesNoMoreDecisions()
    {
        await using var db = new TempDatabase();
        var warnings = new SqliteWarningStore(db.Database);
        var approvals = new SqliteApprovalStore(db.Database);
        var id = (await warnings.AcceptAsync(Pending("own", submitter: "carol"), default)).Warning.Id;

        Assert.Equal(ApprovalOutcome.Submitter, (await approvals.ApproveAsync(id, "carol", T0, default)).Outcome);
        Assert.Equal(ApprovalOutcome.Recorded, (await approvals.ApproveAsync(id, "alice", T0, default)).Outcome);
        Assert.Equal(ApprovalOutcome.Rejected, (await approvals.RejectAsync(id, "bob", "wrong area", T0, default)).Outcome);
        Assert.Equal(ApprovalOutcome.NotPending, (await approvals.ApproveAsync(id, "dave", T0, default)).Outcome);
        Assert.Equal(ApprovalOutcome.NotFound, (await approvals.ApproveAsync(id + 99, "dave", T0, default)).Outcome);
        var rejected = (await warnings.GetByIdAsync(id, default))!;
        Assert.Equal(WarningState.Rejected, rejected.State);
        Assert.Contains("wrong area", rejected.Failure, StringComparison.Ordinal);
        var actions = (await new SqliteAuditTrail(db.Database, TimeProvider.System).ReadAsync(null, null, default)).Select(r => r.Action).ToList();
        Assert.Equal([AuditActions.Submit, AuditActions.Approve, AuditActions.Reject], actions);
    }

    [Fact]
    public async Task ADatabaseFromBeforeApproval_GetsItsColumns_AndKeepsItsWarningsReleasable()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-old-");
        var path = Path.Combine(folder.FullName, "hub.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE warning(id INTEGER PRIMARY KEY, public_id TEXT NOT NULL UNIQUE, sender TEXT NOT NULL, identifier TEXT NOT NULL,
                  fingerprint TEXT NOT NULL, cap_status TEXT NOT NULL, msg_type TEXT NOT NULL, event TEXT NOT NULL, level TEXT NOT NULL,
                  headline TEXT NOT NULL, sent INTEGER NOT NULL, effective INTEGER NOT NULL, expires INTEGER, received_at INTEGER NOT NULL,
                  submitted_by TEXT NOT NULL, cap_xml TEXT NOT NULL, refs TEXT NOT NULL, state INTEGER NOT NULL, released_at INTEGER,
                  ended_at INTEGER, UNIQUE(sender, identifier));
                INSERT INTO warning VALUES (1, 'W20260715-000001', 's', 'i', 'f', 'Actual', 'Alert', '暴雨', 'Red', 'h', 0, 0, NULL, 0, 'a', '<alert/>', '', 0, NULL, NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            await using var database = new SqliteDatabase(new SqliteOptions { Path = path });
            var old1 = (await new SqliteWarningStore(database).GetByIdAsync(1, default))!;
            Assert.Equal(0, old1.ApproversRequired);
            Assert.Null(old1.Submitter);
            Assert.Equal(WarningState.Accepted, old1.State);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
