using WarningHub.Core.Cap;

namespace WarningHub.Core.Warnings;

/// <summary>
/// A stored warning: the submitted CAP document plus the columns the hub routes on. <see cref="CapStatus"/> is
/// structural: routing obeys it (Test and Exercise go to test recipients only), never the text.
/// </summary>
public sealed record WarningRecord
{
    public long Id { get; init; }
    public required string PublicId { get; init; }
    public required string Sender { get; init; }
    public required string Identifier { get; init; }
    public required string Fingerprint { get; init; }
    public required CapStatus CapStatus { get; init; }
    public required CapMsgType MsgType { get; init; }
    public required string Event { get; init; }

    /// <summary>The colour level of the main info block; null when it states none.</summary>
    public required WarningLevel? Level { get; init; }

    public required string Headline { get; init; }
    public DateTimeOffset Sent { get; init; }
    public DateTimeOffset Effective { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string SubmittedBy { get; init; }

    /// <summary>The hub user who submitted it through a console session; null when an agency's key did.</summary>
    public string? Submitter { get; init; }

    /// <summary>How many distinct approvers must say yes before it is released (0: released at once).</summary>
    public int ApproversRequired { get; init; }

    /// <summary>The document as CAP 1.2 XML, in the hub's compact stored form (what the engine reads).</summary>
    public required string CapXml { get; init; }

    /// <summary>
    /// The CAP XML exactly as the agency sent it (its signature intact, its numbers as written), served as the warning's
    /// document; null when it came as JSON (then <see cref="CapXml"/> is served).
    /// </summary>
    public byte[]? ReceivedCap { get; init; }

    /// <summary>Public ids of earlier warnings this one updates or cancels.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public WarningState State { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why the release failed, when <see cref="State"/> is <see cref="WarningState.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>True for Test and Exercise (and System) warnings that must never reach the public.</summary>
    public bool IsForTestRecipientsOnly => CapStatus is not CapStatus.Actual;
}
