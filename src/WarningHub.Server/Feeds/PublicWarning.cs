using WarningHub.Channels.TvCrawl;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Release;

namespace WarningHub.Server.Feeds;

/// <summary>A released warning as the public feeds show it: the stored record and what its CAP document says.</summary>
/// <param name="IsPublicScope">CAP scope Public: a Restricted or Private warning is never shown to everyone.</param>
internal sealed record PublicWarning(WarningRecord Record, CaptionContent Caption, WarningLevel? Level, string SenderName, bool IsPublicScope)
{
    /// <summary>The last change a feed reports: the release.</summary>
    public DateTimeOffset Updated => Record.ReleasedAt ?? Record.ReceivedAt;

    public static PublicWarning Of(WarningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var alert = StoredCap.Read(record.CapXml).Alert;
        var info = alert is null ? null : WarningContent.MainInfo(alert);
        WarningLevel? level = info is not null && WarningLevels.TryGetLevel(info, out var l) ? l : null;
        var caption = new CaptionContent
        {
            Status = record.CapStatus.ToString(),
            Event = info?.Event ?? record.Event,
            Level = level?.ToChineseColour() ?? "",
            Area = info is null ? "" : string.Join("、", info.Areas.Select(a => a.AreaDesc).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct()),
            Headline = info?.Headline ?? record.Headline,
            Instruction = info?.Instruction ?? "",
        };
        return new PublicWarning(record, caption, level, info?.SenderName ?? record.Sender, alert?.Scope == CapScope.Public);
    }
}
