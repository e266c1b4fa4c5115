using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Core.Geo;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Templates;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Release;

/// <summary>What a stored warning says: whom it targets and the text per channel, parsed once per warning.</summary>
public sealed class WarningContent(IOptions<EngineOptions> options)
{
    private readonly ConcurrentDictionary<(long, string), string> _texts = new();

    /// <summary>The info block messages are made from: Chinese first, else the first one.</summary>
    public static CapInfo? MainInfo(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Infos.FirstOrDefault(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) ?? (alert.Infos.Count > 0 ? alert.Infos[0] : null);
    }

    public static PlanTarget TargetOf(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return TargetOf(Parse(warning), warning.IsForTestRecipientsOnly);
    }

    /// <summary>Union of the areas of every info block: division codes from geocodes, shapes from polygons and circles.</summary>
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
                if (DivisionCode.TryGetPrefix(g.Value, out var prefix)) codes.Add(prefix);
            }
            polygons.AddRange(area.Polygons.Select(p => new GeoPolygon(p.Points.Select(x => new GeoPoint(x.Latitude, x.Longitude)))));
            circles.AddRange(area.Circles.Select(c => new GeoCircle(new GeoPoint(c.Center.Latitude, c.Center.Longitude), c.RadiusKm)));
        }
        return new PlanTarget(codes.ToList(), new GeoArea(polygons, circles), testOnly);
    }

    public string TextFor(WarningRecord warning, string channel)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return _texts.GetOrAdd((warning.Id, channel), _ =>
        {
            var info = MainInfo(Parse(warning));
            return SmsText.Compose(options.Value.SmsSignature, warning.CapStatus, info?.Headline ?? warning.Headline, info?.Instruction);
        });
    }

    private static CapAlert Parse(WarningRecord warning) =>
        CapXmlReader.Read(warning.CapXml).Alert
            ?? throw new InvalidOperationException($"Stored warning {warning.PublicId} no longer parses as CAP.");
}
