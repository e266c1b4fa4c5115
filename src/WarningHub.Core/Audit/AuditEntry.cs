namespace WarningHub.Core.Audit;

/// <summary>
/// One act to record: who (<see cref="Actor"/>: a user, an agency or "hub"), what (<see cref="Action"/>, one of
/// <see cref="AuditActions"/>), on what (<see cref="Subject"/>: a warning id, a user name) and the rest in
/// <see cref="Detail"/>. Phone numbers in any field are masked before the row is written.
/// </summary>
public sealed record AuditEntry(string Actor, string Action, string Subject, string Detail = "");

/// <summary>A stored audit row: the entry, its place in the chain and its hashes.</summary>
/// <param name="Seq">1, 2, 3… without gaps: a deleted row leaves one.</param>
/// <param name="Previous">The hash of row <c>Seq - 1</c> (<see cref="AuditChain.Genesis"/> for the first).</param>
/// <param name="Hash">SHA-256 over <paramref name="Previous"/> and every field of this row.</param>
public sealed record AuditRecord(long Seq, DateTimeOffset At, string Actor, string Action, string Subject, string Detail, string Previous, string Hash);

/// <summary>The actions recorded today. A new kind of act needs only a new name here and one <see cref="IAuditTrail.AppendAsync"/>.</summary>
public static class AuditActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Approved = "approved";
    public const string Reject = "reject";
    public const string Release = "release";
    public const string Cancel = "cancel";
    public const string Supersede = "supersede";
    public const string Expire = "expire";
    public const string UserAdd = "user.add";
    public const string UserDisable = "user.disable";
    public const string UserLockedOut = "user.locked-out";
    public const string SignIn = "session.start";
    public const string SignInFailed = "session.refused";
    public const string ApproverCalled = "approver.called";
    public const string Acknowledge = "acknowledge";
    public const string DoorToDoorMark = "door-to-door.mark";
    public const string Settings = "settings";
    public const string DrillAuthorise = "drill.authorise";
}

/// <summary>Appends to the hash-chained audit: the one call every act makes.</summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="entry"/> durably, chained to the row before it; returns the stored row.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Rows with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, in chain order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>The last row, or null when the audit is empty.</summary>
    Task<AuditRecord?> HeadAsync(CancellationToken cancellationToken);

    /// <summary>Rows after <paramref name="afterSeq"/>, at most <paramref name="limit"/>, in chain order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(long afterSeq, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// Named positions in the audit for those who follow it (the agency webhooks): where each stopped, kept durably so a
/// restart resumes there instead of losing or repeating what happened meanwhile.
/// </summary>
public interface IAuditCursors
{
    /// <summary>The last row <paramref name="name"/> handled, or null when it never ran.</summary>
    Task<long?> GetCursorAsync(string name, CancellationToken cancellationToken);

    Task SetCursorAsync(string name, long seq, CancellationToken cancellationToken);
}
