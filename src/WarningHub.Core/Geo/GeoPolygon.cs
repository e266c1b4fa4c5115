namespace WarningHub.Core.Geo;

/// <summary>
/// A simple polygon on the latitude/longitude plane (convex or concave), as CAP's &lt;polygon&gt; gives it.
/// Points on an edge or a vertex count as inside: a warning should rather reach one house too many.
/// Planar in degrees, which is exact enough at county scale; polygons across the antimeridian are not supported.
/// </summary>
public sealed class GeoPolygon
{
    // Tolerance for "on the edge", in degrees (about 0.1 mm): absorbs rounding, not real distance.
    private const double EdgeTolerance = 1e-9;

    private readonly double[] latitudes;   // closed ring: last vertex repeats the first
    private readonly double[] longitudes;
    private readonly double[] edgeLengths;

    /// <summary>Builds a polygon from its ring; the ring is closed if the last vertex differs from the first.</summary>
    /// <exception cref="ArgumentException">Fewer than three distinct vertices.</exception>
    public GeoPolygon(IEnumerable<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var points = ring.ToList();
        if (points.Count > 0 && points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        if (points.Distinct().Count() < 3)
        {
            throw new ArgumentException("A polygon needs at least three distinct vertices.", nameof(ring));
        }

        Vertices = points.AsReadOnly();
        latitudes = [.. points.Select(p => p.Latitude)];
        longitudes = [.. points.Select(p => p.Longitude)];
        edgeLengths = new double[points.Count - 1];
        for (var i = 0; i < edgeLengths.Length; i++)
        {
            edgeLengths[i] = Math.Sqrt(Square(latitudes[i + 1] - latitudes[i]) + Square(longitudes[i + 1] - longitudes[i]));
        }

        Bounds = new GeoBounds(latitudes.Min(), longitudes.Min(), latitudes.Max(), longitudes.Max());
    }

    /// <summary>The closed ring (first vertex repeated at the end).</summary>
    public IReadOnlyList<GeoPoint> Vertices { get; }

    /// <summary>The bounding box.</summary>
    public GeoBounds Bounds { get; }

    /// <summary>
    /// Parses CAP polygon text: space-separated "lat,lon" pairs, e.g. "29.6,104.0 29.7,104.0 29.7,104.1 29.6,104.0".
    /// CAP requires the ring to be closed; an open ring is closed here rather than rejected.
    /// </summary>
    /// <exception cref="FormatException">A pair is malformed or fewer than three distinct vertices are given.</exception>
    public static GeoPolygon ParseCap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<GeoPoint>();
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n"))
        {
            var pair = text.AsSpan()[range];
            if (!pair.IsEmpty)
            {
                points.Add(GeoPoint.ParseCap(pair));
            }
        }

        try
        {
            return new GeoPolygon(points);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"CAP polygon: {e.Message}", e);
        }
    }

    /// <inheritdoc cref="Contains(double, double)"/>
    public bool Contains(GeoPoint point) => Contains(point.Latitude, point.Longitude);

    /// <summary>Ray casting towards increasing longitude after a bounding-box check; allocation-free.</summary>
    public bool Contains(double latitude, double longitude)
    {
        if (!Bounds.Contains(latitude, longitude))
        {
            return false;
        }

        var inside = false;
        var lats = latitudes;
        var lons = longitudes;
        for (var i = 0; i < edgeLengths.Length; i++)
        {
            double aLat = lats[i], aLon = lons[i], bLat = lats[i + 1], bLon = lons[i + 1];
            if (IsOnEdge(latitude, longitude, aLat, aLon, bLat, bLon, edgeLengths[i]))
            {
                return true;
            }

            // Half-open rule (a > y) != (b > y): a vertex exactly at the ray's latitude is counted once.
            if ((aLat > latitude) != (bLat > latitude))
            {
                var crossing = aLon + ((latitude - aLat) * (bLon - aLon) / (bLat - aLat));
                if (longitude < crossing)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static bool IsOnEdge(double y, double x, double aY, double aX, double bY, double bX, double length)
    {
        if (y < Math.Min(aY, bY) - EdgeTolerance || y > Math.Max(aY, bY) + EdgeTolerance
            || x < Math.Min(aX, bX) - EdgeTolerance || x > Math.Max(aX, bX) + EdgeTolerance)
        {
            return false;
        }

        var cross = ((bX - aX) * (y - aY)) - ((bY - aY) * (x - aX));
        return Math.Abs(cross) <= EdgeTolerance * Math.Max(length, EdgeTolerance);
    }

    private static double Square(double value) => value * value;
}
