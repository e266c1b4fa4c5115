using System.Globalization;

namespace WarningHub.Core.Cap;

/// <summary>A CAP circle: a centre and a radius in kilometres, written <c>lat,lon radius</c>.</summary>
public sealed record CapCircle(CapPoint Center, double RadiusKm)
{
    /// <summary>The CAP text form.</summary>
    public string ToCapString() => Center.ToCapString() + " " + RadiusKm.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>lat,lon radius</c>.</summary>
    public static bool TryParse(string text, out CapCircle? circle, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        circle = null;
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            problem = $"'{CapText.Shorten(text)}' is not 'lat,lon radius'";
            return false;
        }

        if (!CapPoint.TryParse(parts[0], out var center))
        {
            problem = $"'{CapText.Shorten(parts[0])}' is not a lat,lon pair";
            return false;
        }

        if (!CapPoint.TryParseNumber(parts[1], out var radius))
        {
            problem = $"radius '{CapText.Shorten(parts[1])}' is not a number of kilometres";
            return false;
        }

        circle = new CapCircle(center, radius);
        problem = null;
        return true;
    }
}
