using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Geo;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Templates.Text;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Shared;

/// <summary>What a stored warning says: whom it targets and the text per channel, parsed once per warning.</summary>
public sealed class WarningContent(IOptions<EngineOptions> options, TextTemplates templates)
{
    private readonly ConcurrentDictionary<(long, string), string> _texts = new();
    private readonly ConcurrentDictionary<long, IReadOnlyDictionary<string, string>> _fields = new();

    /// <summary>The info block messages are made from: Chinese first, else the first one (<see cref="CapDissemination"/>).</summary>
    public static CapInfo? MainInfo(CapAlert alert) => CapDissemination.MainInfo(alert);

    public static PlanTarget TargetOf(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return TargetOf(Parse(warning), warning.IsForTestRecipientsOnly);
    }

    /// <summary>Union of the areas of every info block: division codes from division-code geocodes (<see cref="CapGeocodes"/>), shapes from polygons and circles.</summary>
    public static PlanTarget TargetOf(CapAlert alert, bool testOnly)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var polygons = new List<GeoPolygon>();
        var circles = new List<GeoCircle>();
        foreach (var area in alert.Infos.SelectMany(i => i.Areas))
        {
            foreach (var g in area.Geocodes)
            {
                if (CapGeocodes.IsDivisionCode(g) && DivisionCode.TryGetPrefix(g.Value, out var prefix)) codes.Add(prefix);
            }
            polygons.AddRange(area.Polygons.Select(p => new GeoPolygon(p.Points.Select(x => new GeoPoint(x.Latitude, x.Longitude)))));
            circles.AddRange(area.Circles.Select(c => new GeoCircle(new GeoPoint(c.Center.Latitude, c.Center.Longitude), c.RadiusKm)));
        }
        return new PlanTarget(codes.ToList(), new GeoArea(polygons, circles), testOnly);
    }

    /// <summary>
    /// The text of a warning on a text channel, from the channel's own template (<see cref="TextTemplates"/>);
    /// channels without one (WeChat and TV build their messages from <see cref="FieldsFor"/>) get the SMS text.
    /// </summary>
    public string TextFor(WarningRecord warning, string channel)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var own = templates.Has(channel) ? channel : Core.Planning.Channels.Sms;
        // An unstored warning (a release preview, id 0) is never cached: the next preview is another warning.
        return warning.Id == 0 ? Render(warning, own, link: "") : _texts.GetOrAdd((warning.Id, channel), _ => Render(warning, own, link: ""));
    }

    /// <summary>The text of a warning with a link for one recipient (the village broadcaster's page), not cached.</summary>
    public string TextWithLink(WarningRecord warning, string channel, string link)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Render(warning, channel, link);
    }

    /// <summary>
    /// A cadre's door-to-door SMS (<see cref="TextTemplates.DoorToDoor"/>) with their signed link. The link must arrive
    /// whole: a headline too long for the text is shortened (marked with …) rather than the link cut off.
    /// </summary>
    /// <param name="warning">The released warning.</param>
    /// <param name="villageName">The village the link lists.</param>
    /// <param name="link">The cadre's signed link (<see cref="DoorLinks"/>).</param>
    public string DoorToDoorText(WarningRecord warning, string villageName, string link)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(link);
        var text = Render(warning, TextTemplates.DoorToDoor, link, villageName);
        if (text.Contains(link, StringComparison.Ordinal)) return text;
        var headline = HeadlineOf(warning);
        for (var keep = headline.Length - 1; keep >= 1; keep -= Math.Max(1, keep / 4))
        {
            text = Render(warning, TextTemplates.DoorToDoor, link, villageName, headline[..keep] + "…");
            if (text.Contains(link, StringComparison.Ordinal)) break;
        }
        return text;
    }

    private static string HeadlineOf(WarningRecord warning) => (MainInfo(Parse(warning))?.Headline ?? warning.Headline).Trim();

    private string Render(WarningRecord warning, string channel, string link, string village = "", string? headline = null)
    {
        var info = MainInfo(Parse(warning));
        var fields = FieldsFor(warning);
        return templates.Render(channel, warning.MsgType, warning.CapStatus, new TextValues
        {
            Signature = options.Value.SmsSignature,
            Headline = headline ?? (info?.Headline ?? warning.Headline).Trim(),
            Village = village,
            Event = fields[MessageFields.Event],
            Level = fields[MessageFields.Level],
            Area = fields[MessageFields.Area],
            Instruction = info?.Instruction?.Trim() ?? "",
            Description = info?.Description?.Trim() ?? "",
            Sender = fields[MessageFields.SenderName],
            Effective = fields[MessageFields.Effective],
            Expires = fields.GetValueOrDefault(MessageFields.Expires, ""),
            Link = link,
        });
    }

    /// <summary>The warning's parts for template-driven channels (WeChat, WeCom, TV), times in Beijing time.</summary>
    public IReadOnlyDictionary<string, string> FieldsFor(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Id == 0 ? Fields(warning) : _fields.GetOrAdd(warning.Id, _ => Fields(warning));
    }

    private static Dictionary<string, string> Fields(WarningRecord warning)
    {
        var info = MainInfo(Parse(warning));
        static string Beijing(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            [MessageFields.WarningId] = warning.PublicId,
            [MessageFields.Status] = warning.CapStatus.ToString(),
            // Structured messages (WeChat, TV captions) show a correction or an all-clear in the headline they display.
            [MessageFields.Headline] = MarkOf(warning.MsgType) + (info?.Headline ?? warning.Headline),
            [MessageFields.Event] = info?.Event ?? warning.Event,
            [MessageFields.Level] = info is not null && WarningLevels.TryGetLevel(info, out var level) ? level.ToChineseColour()
                : warning.Level?.ToChineseColour() ?? "",
            [MessageFields.Area] = info is null ? "" : string.Join("、", info.Areas.Select(a => a.AreaDesc)),
            [MessageFields.Instruction] = info?.Instruction ?? "",
            [MessageFields.SenderName] = info?.SenderName ?? warning.Sender,
            [MessageFields.Effective] = Beijing(warning.Effective),
        };
        if (warning.Expires is { } expires) fields[MessageFields.Expires] = Beijing(expires);
        return fields;
    }

    private static string MarkOf(CapMsgType msgType) => msgType switch
    {
        CapMsgType.Update => "【更正】",
        CapMsgType.Cancel => "【解除】",
        _ => "",
    };

    /// <summary>The stored warning's CAP alert.</summary>
    /// <param name="warning">A stored warning.</param>
    public static CapAlert Alert(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Parse(warning);
    }

    private static CapAlert Parse(WarningRecord warning) =>
        StoredCap.Read(warning.CapXml).Alert
            ?? throw new InvalidOperationException($"Stored warning {warning.PublicId} no longer parses as CAP.");
}
