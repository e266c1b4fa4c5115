namespace WarningHub.Core.Cap;

/// <summary>
/// The geocode schemes this hub reads. A geocode whose <c>valueName</c> is one of <see cref="DivisionCodeNames"/>
/// holds an administrative division code (统计用区划代码) and chooses recipients; every other scheme (SAME, FIPS,
/// EMMA_ID…) is carried in the stored CAP but ignored for targeting and never checked.
/// </summary>
public static class CapGeocodes
{
    /// <summary>
    /// <c>行政区划代码</c> (this hub's and the samples' name, <see cref="CapValueNames.DivisionCode"/>) and
    /// <c>GB/T 2260</c> (the standard that defines the codes). Compared exactly, after trimming spaces.
    /// </summary>
    public static IReadOnlyList<string> DivisionCodeNames { get; } = [CapValueNames.DivisionCode, "GB/T 2260"];

    /// <summary>True when the geocode claims to hold a division code, whatever its value looks like.</summary>
    public static bool IsDivisionCode(CapNamedValue? geocode) =>
        geocode?.ValueName is { } name && DivisionCodeNames.Contains(name.Trim(), StringComparer.Ordinal);

    /// <summary>True when the area can choose recipients: a division-code geocode, a polygon or a circle.</summary>
    public static bool Locates(CapArea? area) =>
        area is not null && (area.Polygons.Count > 0 || area.Circles.Count > 0 || area.Geocodes.Any(IsDivisionCode));
}
