using System.Globalization;

namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    private static void ValidateArea(CapArea area, string path, Problems problems)
    {
        if (area is null)
        {
            problems.Add(path, "is missing");
            return;
        }

        problems.Required(area.AreaDesc, CapPath.Child(path, "areaDesc"));
        LimitArea(area, path, problems);
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            ValidatePolygon(area.Polygons[i], CapPath.Item(path, "polygon", i), problems);
        }

        for (var i = 0; i < area.Circles.Count; i++)
        {
            var circlePath = CapPath.Item(path, "circle", i);
            if (area.Circles[i] is not { } circle)
            {
                problems.Add(circlePath, "is missing");
                continue;
            }

            if (!circle.Center.IsOnEarth)
            {
                problems.Add(circlePath, $"centre {circle.Center.ToCapString()} is outside latitude -90..90 / longitude -180..180");
            }

            if (!(circle.RadiusKm >= 0) || !double.IsFinite(circle.RadiusKm))
            {
                problems.Add(circlePath, string.Create(CultureInfo.InvariantCulture, $"radius {circle.RadiusKm} km must be a finite number ≥ 0"));
            }
        }

        problems.NamedValues(area.Geocodes, path, "geocode", valueRequired: true);

        if (area.Altitude is { } altitude && !double.IsFinite(altitude))
        {
            problems.Add(CapPath.Child(path, "altitude"), "must be a finite number of feet");
        }

        if (area.Ceiling is { } ceiling)
        {
            if (area.Altitude is null)
            {
                problems.Add(CapPath.Child(path, "ceiling"), "may only be used together with altitude");
            }
            else if (!double.IsFinite(ceiling) || ceiling < area.Altitude)
            {
                problems.Add(CapPath.Child(path, "ceiling"), "must be a finite number not below altitude");
            }
        }
    }

    private static void ValidatePolygon(CapPolygon polygon, string path, Problems problems)
    {
        if (polygon is null)
        {
            problems.Add(path, "is missing");
            return;
        }

        var points = polygon.Points;
        if (points.Count < 4)
        {
            problems.Add(path, string.Create(CultureInfo.InvariantCulture, $"has {points.Count} point(s); a CAP polygon needs at least 4 (a closed ring)"));
        }
        else if (points[0] != points[^1])
        {
            problems.Add(path, $"is not closed: the last point ({points[^1].ToCapString()}) must repeat the first ({points[0].ToCapString()})");
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (!points[i].IsOnEarth)
            {
                problems.Add(path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"point {i + 1} ({points[i].ToCapString()}) is outside latitude -90..90 / longitude -180..180"));
            }
        }
    }
}
