using System.Globalization;
using WarningHub.Core.Ledger;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using SmsChannel = WarningHub.Core.Planning.Channels;

namespace WarningHub.Server.Api;

/// <summary>
/// Builds the reach report's answer: persons per county, town and village, and per village the other channels in
/// their own units. Loudspeaker channels also carry <c>offline</c>: the village's terminals that cannot play at report time.
/// </summary>
public static class ReachJson
{
    public static ReachResponse Of(ReachReport report, WarningRecord warning, IReadOnlyList<BroadcastConfirmation>? confirmations = null,
        OfflineTerminals? offline = null, HouseholdReachReport? households = null, IReadOnlyDictionary<string, RegionAcknowledgements>? acknowledgements = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(warning);
        var confirmedRounds = (confirmations ?? []).ToLookup(c => c.VillageCode.ToString(CultureInfo.InvariantCulture), c => c.Round);
        offline ??= OfflineTerminals.None;
        return new ReachResponse(
            report.WarningId,
            warning.CapStatus.ToString(),
            warning.State.ToString(),
            ReachRowJson.Of(report.County).With(households?.County).With(acknowledgements),
            report.Rows.Where(r => r.Level == RegionLevel.Town).Select(r => ReachRowJson.Of(r).With(households?.Find(r.Code)).With(acknowledgements)).ToList(),
            report.Rows.Where(r => r.Level == RegionLevel.Village).Select(r => Village(r, report, confirmedRounds, offline, households, acknowledgements)).ToList(),
            // Per channel, in its own unit: persons for SMS; terminals, followers, robots or TV channels for the others.
            report.ByChannel.ToDictionary(kv => kv.Key, kv => ChannelTotal(kv.Key, kv.Value, offline)));
    }

    private static VillageReach Village(ReachRow r, ReachReport report, ILookup<string, int> confirmedRounds, OfflineTerminals offline,
        HouseholdReachReport? households, IReadOnlyDictionary<string, RegionAcknowledgements>? acknowledgements)
    {
        var channels = report.ByChannel
            .Where(kv => kv.Key != SmsChannel.Sms)
            .Select(kv => (kv.Key, Row: kv.Value.FirstOrDefault(v => v.Code == r.Code)))
            .Where(x => x.Row is not null)
            .ToDictionary(x => x.Key, x => new VillageChannelReach(x.Row!.Persons.Targeted, x.Row.Persons.Delivered, x.Row.Persons.Failed,
                x.Row.Persons.Pending,
                // Counted apart from the slots: an offline terminal's slot is refused and retried, never delivered.
                OfflineTerminals.LoudspeakerChannels.Contains(x.Key) ? offline.In(x.Key, r.Code) : null));
        // 村广播员 confirmations: the rounds (0 = first broadcast, 1.. = repeats) the village's broadcaster played.
        return new VillageReach(ReachRowJson.Of(r).With(households?.Find(r.Code)).With(acknowledgements), [.. confirmedRounds[r.Code].Order()], channels);
    }

    private static ChannelReach ChannelTotal(string channel, IReadOnlyList<ReachRow> rows, OfflineTerminals offline) =>
        // The warning's villages only: a dead terminal elsewhere in the county is not this warning's concern.
        new(ReachRowJson.Of(rows[0]), OfflineTerminals.LoudspeakerChannels.Contains(channel)
            ? rows.Where(r => r.Level == RegionLevel.Village).Sum(r => offline.In(channel, r.Code))
            : null);
}
