namespace WarningHub.Core.Cap;

/// <summary>
/// A CAP <c>area</c>. Recipients are chosen by its geocodes (division codes), polygons and circles;
/// <see cref="AreaDesc"/> is the text people read.
/// </summary>
public sealed record CapArea
{
    /// <summary>The area in words, e.g. "井研县全境".</summary>
    public required string AreaDesc { get; init; }

    public IReadOnlyList<CapPolygon> Polygons { get; init => field = ValueList.Of(value); } = ValueList<CapPolygon>.Empty;

    public IReadOnlyList<CapCircle> Circles { get; init => field = ValueList.Of(value); } = ValueList<CapCircle>.Empty;

    public IReadOnlyList<CapNamedValue> Geocodes { get; init => field = ValueList.Of(value); } = ValueList<CapNamedValue>.Empty;

    /// <summary>Altitude in feet above mean sea level (CAP's unit), or the only altitude of the area.</summary>
    public double? Altitude { get; init; }

    /// <summary>Upper limit in feet; CAP allows it only with <see cref="Altitude"/>.</summary>
    public double? Ceiling { get; init; }

    /// <summary>True when the area can select recipients: it has a geocode, polygon or circle.</summary>
    public bool HasLocation => Geocodes.Count > 0 || Polygons.Count > 0 || Circles.Count > 0;
}
