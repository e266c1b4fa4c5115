using System.Globalization;
using WarningHub.Core.Cap;
using WarningHub.Core.Geo;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Planning;

/// <summary>
/// What one agency may warn about: its event types (CAP <c>event</c> of the disseminated info blocks, compared exactly:
/// an English translation's "Rainstorm" is not checked) and its division codes (every info block's areas, since
/// recipients are their union). Empty lists allow everything. An Alert or Update outside them is refused with the field named: an event, a
/// geocode outside the agency's areas, or a polygon or circle covering a village outside them. A Cancel is
/// never refused for scope: the original sender may always end its own warning.
/// </summary>
public sealed record AgencyScope(IReadOnlyList<string> Events, IReadOnlyList<string> Areas)
{
    public static AgencyScope Unlimited { get; } = new([], []);

    public IReadOnlyList<CapProblem> Check(CapAlert alert, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<CapProblem>();
        if (alert.MsgType is not (CapMsgType.Alert or CapMsgType.Update)) return problems;
        var allowed = Areas.Select(a => DivisionCode.TryGetPrefix(a, out var p) ? p : a).ToList();
        var disseminated = CapDissemination.InfoIndexes(alert);
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            var info = alert.Infos[i];
            var at = Path("info", i);
            if (Events.Count > 0 && disseminated.Contains(i) && !Events.Contains(info.Event, StringComparer.Ordinal))
                problems.Add(new CapProblem($"{at}.event", $"'{CapText.Shorten(info.Event)}' is not an event type this agency may send (allowed: {string.Join(", ", Events)})"));
            if (allowed.Count == 0) continue;
            for (var j = 0; j < info.Areas.Count; j++)
                problems.AddRange(CheckArea(info.Areas[j], $"{at}.{Path("area", j)}", allowed, registry));
        }
        return problems;
    }

    private IEnumerable<CapProblem> CheckArea(CapArea area, string at, List<string> allowed, CountyRegistry registry)
    {
        for (var k = 0; k < area.Geocodes.Count; k++)
        {
            var g = area.Geocodes[k];
            if (!CapGeocodes.IsDivisionCode(g) || !DivisionCode.TryGetPrefix(g.Value, out var prefix)) continue;
            if (!allowed.Any(a => prefix.StartsWith(a, StringComparison.Ordinal)))
                yield return new CapProblem($"{at}.{Path("geocode", k)}", $"'{CapText.Shorten(g.Value)}' is outside this agency's areas ({string.Join(", ", Areas)})");
        }
        for (var k = 0; k < area.Polygons.Count; k++)
        {
            var shape = new GeoArea([new GeoPolygon(area.Polygons[k].Points.Select(p => new GeoPoint(p.Latitude, p.Longitude)))], []);
            if (OutsideVillage(shape, allowed, registry) is { } v) yield return new CapProblem($"{at}.{Path("polygon", k)}", Outside(v));
        }
        for (var k = 0; k < area.Circles.Count; k++)
        {
            var c = area.Circles[k];
            var shape = new GeoArea([], [new GeoCircle(new GeoPoint(c.Center.Latitude, c.Center.Longitude), c.RadiusKm)]);
            if (OutsideVillage(shape, allowed, registry) is { } v) yield return new CapProblem($"{at}.{Path("circle", k)}", Outside(v));
        }
    }

    private string Outside(Region village) => $"covers {village.Name} ({village.Code}), outside this agency's areas ({string.Join(", ", Areas)})";

    private static Region? OutsideVillage(GeoArea shape, List<string> allowed, CountyRegistry registry) =>
        registry.Villages.FirstOrDefault(v => v.Latitude is { } lat && v.Longitude is { } lon && shape.Contains(lat, lon)
            && !allowed.Any(a => v.Code.StartsWith(a, StringComparison.Ordinal)));

    private static string Path(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
