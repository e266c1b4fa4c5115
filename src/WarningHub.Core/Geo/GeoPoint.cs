using System.Globalization;

namespace WarningHub.Core.Geo;

/// <summary>A WGS 84 position in decimal degrees, as CAP writes it ("lat,lon").</summary>
public readonly record struct GeoPoint
{
    /// <exception cref="ArgumentOutOfRangeException">Latitude outside [-90, 90] or longitude outside [-180, 180].</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude is >= -90 and <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "must be between -90 and 90 degrees");
        }

        if (!(longitude is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "must be between -180 and 180 degrees");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>Parses a CAP coordinate pair "29.65,104.07" (latitude first).</summary>
    /// <exception cref="FormatException">Not two comma-separated numbers in range.</exception>
    public static GeoPoint ParseCap(ReadOnlySpan<char> text)
    {
        var comma = text.IndexOf(',');
        if (comma < 0
            || !double.TryParse(text[..comma].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(text[(comma + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            throw new FormatException($"'{text}' is not a CAP coordinate pair \"latitude,longitude\".");
        }

        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 180))
        {
            throw new FormatException($"'{text}' is out of range: latitude must be within ±90 and longitude within ±180.");
        }

        return new GeoPoint(latitude, longitude);
    }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).</summary>
    public double DistanceKmTo(GeoPoint other) => GeoMath.HaversineKm(Latitude, Longitude, other.Latitude, other.Longitude);

    /// <summary>CAP form "lat,lon" with invariant digits.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}
