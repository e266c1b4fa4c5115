using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Registry;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id}/acknowledgements: the 叫应 board of a warning.</summary>
/// <param name="Required">Whether the warning called for 叫应 (level, event, Test); false lists no officer.</param>
/// <param name="Deadline">How long officers had to answer, as "hh:mm:ss"; null when none was required.</param>
public sealed record AcknowledgementsResponse(string WarningId, string Status, bool Required, string? Deadline, AcknowledgementSummary Summary,
    IReadOnlyList<OfficerAcknowledgement> Officers);

/// <summary>Counts over the officers called.</summary>
/// <param name="Silent">Not answered yet.</param>
/// <param name="Escalated">Silent at their deadline: the next tier was told (answered later or not).</param>
/// <param name="MedianAnswerSeconds">Median time from call to answer over those who answered; null when none did.</param>
public sealed record AcknowledgementSummary(int Officers, int Answered, int Silent, int Escalated, double? MedianAnswerSeconds)
{
    /// <summary>The summary of a warning's 叫应 calls: counts and the median time from call to answer.</summary>
    public static AcknowledgementSummary Of(IReadOnlyList<WarningHub.Core.Acknowledgements.Acknowledgement> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return new AcknowledgementSummary(calls.Count, calls.Count(a => !a.IsSilent), calls.Count(a => a.IsSilent), calls.Count(a => a.Escalations > 0),
            WarningHub.Core.Reach.AcknowledgementReach.MedianAnswerSeconds(calls));
    }
}

/// <summary>One officer's 叫应.</summary>
/// <param name="Tier">1 village, 2 town, 3 county.</param>
/// <param name="Regions">The targeted regions the officer answers for.</param>
/// <param name="How">sms, link, played or voice; null while silent.</param>
/// <param name="Escalations">Escalation steps taken while silent: 1 reminder and the next tier, 2 the tier after.</param>
/// <param name="VoiceCalls">The results of the officer's voice calls (语音通知), by attempt; empty when none was placed or reported.</param>
public sealed record OfficerAcknowledgement(long OfficerId, string Name, string Phone, int Tier, IReadOnlyList<RegionName> Regions,
    DateTimeOffset SentAt, DateTimeOffset? DueAt, DateTimeOffset? AnsweredAt, string? How, bool Escalated, int Escalations, DateTimeOffset? EscalatedAt,
    IReadOnlyList<VoiceCallView> VoiceCalls)
{
    public static OfficerAcknowledgement Of(Acknowledgement a, CountyRegistry? registry, IEnumerable<VoiceCallResult>? voiceCalls = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new OfficerAcknowledgement(a.OfficerId, a.Name, a.Phone, (int)a.Tier,
            a.Regions.Select(r => new RegionName(r, registry?.FindRegion(r)?.Name ?? r)).ToList(),
            a.SentAt, a.SentAt + a.Deadline, a.AnsweredAt, a.AnsweredBy?.ToString().ToLowerInvariant(), a.Escalations > 0, a.Escalations, a.EscalatedAt,
            (voiceCalls ?? []).Where(v => v.OfficerId == a.OfficerId).Select(VoiceCallView.Of).ToList());
    }
}

/// <summary>How one voice call to an officer ended.</summary>
/// <param name="Attempt">1 with the 叫应, 2 at the deadline.</param>
/// <param name="Outcome">confirmed (picked up, pressed 1), answeredWithoutConfirming, busy, noAnswer, failed or poweredOff.</param>
/// <param name="Keypress">The keys pressed, or null.</param>
/// <param name="EndedAt">When the call ended, by the gateway's clock.</param>
public sealed record VoiceCallView(int Attempt, string Outcome, string? Keypress, DateTimeOffset EndedAt, string Gateway)
{
    public static VoiceCallView Of(VoiceCallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = result.Outcome.ToString();
        return new VoiceCallView(result.Attempt, char.ToLowerInvariant(name[0]) + name[1..], result.Keypress, result.EndedAt, result.Gateway);
    }
}

/// <summary>A region by code and name.</summary>
public sealed record RegionName(string Code, string Name);
