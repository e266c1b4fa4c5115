namespace WarningHub.Core.Geo;

/// <summary>A latitude/longitude box, used to reject far points before the exact test.</summary>
public readonly record struct GeoBounds(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    /// <summary>A box that contains nothing; <see cref="Union"/> with it gives the other box.</summary>
    public static GeoBounds Empty { get; } = new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

    /// <summary>True when the box contains no point.</summary>
    public bool IsEmpty => MinLatitude > MaxLatitude || MinLongitude > MaxLongitude;

    /// <summary>Edges included.</summary>
    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    /// <summary>The smallest box holding both.</summary>
    public GeoBounds Union(GeoBounds other) => new(
        Math.Min(MinLatitude, other.MinLatitude),
        Math.Min(MinLongitude, other.MinLongitude),
        Math.Max(MaxLatitude, other.MaxLatitude),
        Math.Max(MaxLongitude, other.MaxLongitude));
}
