namespace WarningHub.Core.Geo;

internal static class GeoMath
{
    /// <summary>Mean Earth radius (IUGG), km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Kilometres per degree of latitude on that sphere.</summary>
    public const double KmPerDegree = EarthRadiusKm * Math.PI / 180;

    public const double DegreesToRadians = Math.PI / 180;

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * DegreesToRadians;
        var dLon = (lon2 - lon1) * DegreesToRadians;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (Math.Cos(lat1 * DegreesToRadians) * Math.Cos(lat2 * DegreesToRadians) * sinLon * sinLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
