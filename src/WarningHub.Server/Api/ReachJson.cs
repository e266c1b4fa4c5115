using WarningHub.Core.Reach;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Api;

/// <summary>The reach report as JSON: persons per county, town and village.</summary>
public static class ReachJson
{
    public static object Of(ReachReport report, WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(warning);
        return new
        {
            warningId = report.WarningId,
            status = warning.CapStatus,
            state = warning.State.ToString(),
            county = Row(report.County),
            towns = report.Rows.Where(r => r.Level == WarningHub.Core.Registry.RegionLevel.Town).Select(Row),
            villages = report.Rows.Where(r => r.Level == WarningHub.Core.Registry.RegionLevel.Village).Select(Row),
            channels = report.ByChannel.ToDictionary(kv => kv.Key, kv => Row(kv.Value[0])),
        };
    }

    private static object Row(ReachRow r) => new
    {
        code = r.Code,
        name = r.Name,
        level = r.Level.ToString().ToLowerInvariant(),
        parent = r.ParentCode,
        targeted = r.Persons.Targeted,
        withoutPhone = r.Persons.WithoutAddress,
        sent = r.Persons.Sent,
        delivered = r.Persons.Delivered,
        failed = r.Persons.Failed,
        pending = r.Persons.Pending,
        unreached = r.Persons.Unreached,
    };
}
