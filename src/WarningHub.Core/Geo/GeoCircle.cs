using System.Globalization;

namespace WarningHub.Core.Geo;

/// <summary>A circle on the Earth's surface, as CAP's &lt;circle&gt; gives it ("lat,lon radius" with radius in km).</summary>
public sealed class GeoCircle
{
    // Points within a millimetre of the rim count as inside, absorbing rounding.
    private const double RimToleranceKm = 1e-6;

    /// <exception cref="ArgumentOutOfRangeException">Negative or non-finite radius.</exception>
    public GeoCircle(GeoPoint center, double radiusKm)
    {
        if (!double.IsFinite(radiusKm) || radiusKm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "must be a finite distance of at least 0 km");
        }

        Center = center;
        RadiusKm = radiusKm;
        var dLat = (radiusKm / GeoMath.KmPerDegree) + 1e-9;
        var minLat = center.Latitude - dLat;
        var maxLat = center.Latitude + dLat;
        var widest = Math.Max(Math.Abs(minLat), Math.Abs(maxLat));
        var dLon = widest >= 89.999 ? 180 : (radiusKm / (GeoMath.KmPerDegree * Math.Cos(widest * GeoMath.DegreesToRadians))) + 1e-9;
        Bounds = dLon >= 180 || maxLat >= 90 || minLat <= -90
            ? new GeoBounds(Math.Max(minLat, -90), -180, Math.Min(maxLat, 90), 180)
            : new GeoBounds(minLat, center.Longitude - dLon, maxLat, center.Longitude + dLon);
    }

    public GeoPoint Center { get; }

    public double RadiusKm { get; }

    /// <summary>The bounding box (whole longitudes near the poles; circles across the antimeridian are not supported).</summary>
    public GeoBounds Bounds { get; }

    /// <summary>Parses CAP circle text "29.65,104.07 5.0" (centre, then radius in kilometres).</summary>
    /// <exception cref="FormatException">Not a coordinate pair followed by a radius.</exception>
    public static GeoCircle ParseCap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        var space = span.IndexOfAny(' ', '\t');
        if (space < 0
            || !double.TryParse(span[(space + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var radius)
            || !double.IsFinite(radius) || radius < 0)
        {
            throw new FormatException($"'{text}' is not a CAP circle \"latitude,longitude radius_km\".");
        }

        return new GeoCircle(GeoPoint.ParseCap(span[..space]), radius);
    }

    /// <inheritdoc cref="Contains(double, double)"/>
    public bool Contains(GeoPoint point) => Contains(point.Latitude, point.Longitude);

    /// <summary>Haversine distance to the centre at most the radius; a box check first skips the trigonometry for far points.</summary>
    public bool Contains(double latitude, double longitude) =>
        Bounds.Contains(latitude, longitude)
        && GeoMath.HaversineKm(Center.Latitude, Center.Longitude, latitude, longitude) <= RadiusKm + RimToleranceKm;
}
