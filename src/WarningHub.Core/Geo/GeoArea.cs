namespace WarningHub.Core.Geo;

/// <summary>
/// The geometry of one CAP &lt;area&gt;: the union of its polygons and circles. A point inside any of them is inside
/// the area. An area without shapes contains nothing (it is targeted by codes instead).
/// </summary>
public sealed class GeoArea
{
    private readonly GeoPolygon[] polygons;
    private readonly GeoCircle[] circles;

    public GeoArea(IEnumerable<GeoPolygon> polygons, IEnumerable<GeoCircle> circles)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(circles);
        this.polygons = [.. polygons];
        this.circles = [.. circles];
        var bounds = GeoBounds.Empty;
        foreach (var polygon in this.polygons)
        {
            bounds = bounds.Union(polygon.Bounds);
        }

        foreach (var circle in this.circles)
        {
            bounds = bounds.Union(circle.Bounds);
        }

        Bounds = bounds;
        Polygons = this.polygons.AsReadOnly();
        Circles = this.circles.AsReadOnly();
    }

    public IReadOnlyList<GeoPolygon> Polygons { get; }

    public IReadOnlyList<GeoCircle> Circles { get; }

    /// <summary>The box around every shape; <see cref="GeoBounds.Empty"/> when there is none.</summary>
    public GeoBounds Bounds { get; }

    /// <summary>True when the area has no polygon and no circle.</summary>
    public bool IsEmpty => polygons.Length == 0 && circles.Length == 0;

    /// <summary>Builds an area from CAP &lt;polygon&gt; and &lt;circle&gt; texts.</summary>
    /// <exception cref="FormatException">A text is malformed; the message says which.</exception>
    public static GeoArea ParseCap(IEnumerable<string> polygons, IEnumerable<string> circles)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(circles);
        return new GeoArea(polygons.Select(GeoPolygon.ParseCap), circles.Select(GeoCircle.ParseCap));
    }

    /// <inheritdoc cref="Contains(double, double)"/>
    public bool Contains(GeoPoint point) => Contains(point.Latitude, point.Longitude);

    /// <summary>Inside any polygon or circle; allocation-free.</summary>
    public bool Contains(double latitude, double longitude)
    {
        if (!Bounds.Contains(latitude, longitude))
        {
            return false;
        }

        foreach (var polygon in polygons)
        {
            if (polygon.Contains(latitude, longitude))
            {
                return true;
            }
        }

        foreach (var circle in circles)
        {
            if (circle.Contains(latitude, longitude))
            {
                return true;
            }
        }

        return false;
    }
}
