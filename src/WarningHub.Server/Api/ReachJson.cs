using WarningHub.Core.Reach;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Api;

/// <summary>
/// The reach report as JSON: persons per county, town and village, and per village the other channels in their own
/// units. Loudspeaker channels also carry <c>offline</c>: the village's terminals that cannot play at report time.
/// </summary>
public static class ReachJson
{
    public static object Of(ReachReport report, WarningRecord warning, IReadOnlyList<WarningHub.Core.Ledger.BroadcastConfirmation>? confirmations = null,
        OfflineTerminals? offline = null)
    {
        var confirmedRounds = (confirmations ?? []).ToLookup(c => c.VillageCode.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Round);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(warning);
        offline ??= OfflineTerminals.None;
        return new
        {
            warningId = report.WarningId,
            status = warning.CapStatus.ToString(),
            state = warning.State.ToString(),
            county = Row(report.County),
            towns = report.Rows.Where(r => r.Level == WarningHub.Core.Registry.RegionLevel.Town).Select(Row),
            villages = report.Rows.Where(r => r.Level == WarningHub.Core.Registry.RegionLevel.Village).Select(r => Village(r, report, confirmedRounds, offline)),
            // Per channel, in its own unit: persons for SMS; terminals, followers, robots or TV channels for the others.
            channels = report.ByChannel.ToDictionary(kv => kv.Key, kv => ChannelTotal(kv.Key, kv.Value, offline)),
        };
    }

    private static Dictionary<string, object?> Village(ReachRow r, ReachReport report, ILookup<string, int> confirmedRounds, OfflineTerminals offline)
    {
        var json = Fields(r);
        // 村广播员 confirmations: the rounds (0 = first broadcast, 1.. = repeats) the village's broadcaster played.
        json["broadcastConfirmedRounds"] = confirmedRounds[r.Code].Order().ToList();
        json["channels"] = report.ByChannel
            .Where(kv => kv.Key != WarningHub.Core.Planning.Channels.Sms)
            .Select(kv => (kv.Key, Row: kv.Value.FirstOrDefault(v => v.Code == r.Code)))
            .Where(x => x.Row is not null)
            .ToDictionary(x => x.Key, x => (object)VillageChannel(x.Key, x.Row!, offline));
        return json;
    }

    private static Dictionary<string, int> VillageChannel(string channel, ReachRow row, OfflineTerminals offline)
    {
        var json = new Dictionary<string, int>
        {
            ["targeted"] = row.Persons.Targeted,
            ["delivered"] = row.Persons.Delivered,
            ["failed"] = row.Persons.Failed,
            ["pending"] = row.Persons.Pending,
        };
        // Counted apart from the slots: an offline terminal's slot is refused and retried, never delivered.
        if (OfflineTerminals.LoudspeakerChannels.Contains(channel)) json["offline"] = offline.In(channel, row.Code);
        return json;
    }

    private static Dictionary<string, object?> ChannelTotal(string channel, IReadOnlyList<ReachRow> rows, OfflineTerminals offline)
    {
        var json = Fields(rows[0]);
        // The warning's villages only: a dead terminal elsewhere in the county is not this warning's concern.
        if (OfflineTerminals.LoudspeakerChannels.Contains(channel))
            json["offline"] = rows.Where(r => r.Level == WarningHub.Core.Registry.RegionLevel.Village).Sum(r => offline.In(channel, r.Code));
        return json;
    }

    private static Dictionary<string, object?> Fields(ReachRow r) => new()
    {
        ["code"] = r.Code,
        ["name"] = r.Name,
        ["level"] = r.Level.ToString().ToLowerInvariant(),
        ["parent"] = r.ParentCode,
        ["targeted"] = r.Persons.Targeted,
        ["withoutPhone"] = r.Persons.WithoutAddress,
        ["sent"] = r.Persons.Sent,
        ["delivered"] = r.Persons.Delivered,
        ["failed"] = r.Persons.Failed,
        ["pending"] = r.Persons.Pending,
        ["unreached"] = r.Persons.Unreached,
    };

    private static object Row(ReachRow r) => Fields(r);
}
