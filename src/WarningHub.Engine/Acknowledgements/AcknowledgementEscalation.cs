using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// What happens at a 叫应 deadline. Each silent call whose deadline has passed takes one step: at the first, the
/// officer gets a reminder and the next tier (town) gets the list of silent names; at the second (one more
/// deadline later), the tier after (county duty officer) gets the list. Each step is recorded with its notices in
/// one transaction and only from the step read, so running twice (a restart, a trigger fired again) sends nothing
/// twice. Nothing happens once the warning has ended.
/// </summary>
public sealed class AcknowledgementEscalation(
    IAcknowledgementStore store,
    IWarningStore warnings,
    NoticeOutbox outbox,
    AcknowledgementTexts texts,
    RegistryHolder registry,
    ChannelRouter router,
    TimeProvider time,
    ILogger<AcknowledgementEscalation> logger,
    AcknowledgementVoice? voice = null)
{
    /// <summary>Takes the steps that are due; returns when the next deadline of the warning falls, or null if none is left.</summary>
    public async Task<DateTimeOffset?> RunAsync(long warningId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
            if (warning is null || warning.State != WarningState.Released) return null;
            var now = time.GetUtcNow();
            var calls = await store.OfWarningAsync(warningId, cancellationToken);
            var due = calls.Where(c => c.NextDeadline is { } at && at <= now).ToList();
            if (due.Count == 0 || await StepAsync(warning, due, now, cancellationToken))
            {
                var after = await store.OfWarningAsync(warningId, cancellationToken);
                return after.Select(c => c.NextDeadline).Where(d => d is not null).Min();
            }

            // A call moved between the read and the write (an answer came): read again.
        }

        logger.LogWarning("Warning {WarningId}: 叫应 escalation kept racing with answers; tried again at the next deadline", warningId);
        return time.GetUtcNow() + TimeSpan.FromSeconds(5);
    }

    private async Task<bool> StepAsync(WarningRecord warning, List<Acknowledgement> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notices = new List<OfficerNotice>();
        var listsFor = new Dictionary<(long Officer, int Step), (Officer Officer, List<(Acknowledgement, string)> Silent)>();
        var robots = router.PlanChannels().RobotsByTown;
        var county = registry.IsLoaded ? registry.Current : null;
        var endpoints = registry.Endpoints;
        var byVoice = voice?.Calls(warning) == true;
        foreach (var call in due)
        {
            var step = call.Escalations + 1;
            if (step == 1)
            {
                var text = texts.Reminder(warning, call);
                notices.Add(new OfficerNotice(AcknowledgementCalls.Key(warning.Id, call.OfficerId, "reminder"), warning.Id, call.OfficerId, Channels.Sms, call.Phone, text));
                // Silent at the deadline (busy, unanswered, picked up without pressing 1, or no call at all): called again with the reminder.
                if (byVoice) notices.Add(AcknowledgementVoice.Notice(warning, call, attempt: 2));
            }

            if (county is null) continue;
            foreach (var above in ResponsibleOfficers.Above(call.OfficerId, call.Tier, call.Regions, step, county, endpoints))
            {
                if (!listsFor.TryGetValue((above.Id, step), out var list)) listsFor[(above.Id, step)] = list = (above, []);
                list.Silent.Add((call, string.Join('、', call.Regions.Select(r => county.FindRegion(r)?.Name ?? r))));
            }
        }

        foreach (var ((officerId, step), (officer, silent)) in listsFor)
        {
            var waited = silent[0].Item1.Deadline * step;
            var text = texts.Silent(warning, silent, waited);
            // One list per officer, step and deadline batch: the first silent officer's id names the batch.
            var key = AcknowledgementCalls.Key(warning.Id, officerId, string.Create(CultureInfo.InvariantCulture, $"silent:{step}:{silent.Min(s => s.Item1.OfficerId)}"));
            notices.Add(new OfficerNotice(key, warning.Id, officerId, Channels.Sms, officer.Phone, text));
            if (AcknowledgementCalls.RobotOf(officer, robots) is { } robot)
                notices.Add(new OfficerNotice(key + ":wecom", warning.Id, officerId, Channels.WeCom, robot, text) { Mention = officer.Phone });
        }

        var steps = due.Select(c => new EscalationStep(c.OfficerId, c.Escalations)).ToList();
        if (!await store.EscalateAsync(warning.Id, steps, notices, now, cancellationToken)) return false;
        outbox.Wake();
        logger.LogInformation("Warning {PublicId}: {Silent} officers silent at their 叫应 deadline; {Lists} lists of silent names to the tier above",
            warning.PublicId, due.Count, listsFor.Count);
        return true;
    }
}
