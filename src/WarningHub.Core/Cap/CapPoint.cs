using System.Globalization;

namespace WarningHub.Core.Cap;

/// <summary>A WGS 84 point; CAP writes it latitude first: <c>29.65,104.07</c>.</summary>
public readonly record struct CapPoint(double Latitude, double Longitude)
{
    /// <summary>True when latitude is within -90..90 and longitude within -180..180.</summary>
    public bool IsOnEarth =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>The CAP text form <c>lat,lon</c>.</summary>
    public string ToCapString() =>
        Latitude.ToString(CultureInfo.InvariantCulture) + "," + Longitude.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>lat,lon</c>; no range check (the validator does that, naming the field).</summary>
    public static bool TryParse(string text, out CapPoint point)
    {
        ArgumentNullException.ThrowIfNull(text);
        point = default;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma != text.LastIndexOf(',')
            || !TryParseNumber(text[..comma], out var latitude)
            || !TryParseNumber(text[(comma + 1)..], out var longitude))
        {
            return false;
        }

        point = new CapPoint(latitude, longitude);
        return true;
    }

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture,
            out value)
        && double.IsFinite(value);
}
