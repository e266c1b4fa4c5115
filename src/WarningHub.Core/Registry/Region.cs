namespace WarningHub.Core.Registry;

/// <summary>The administrative levels the hub works with (统计用区划代码 levels below the city).</summary>
public enum RegionLevel
{
    County = 1,
    Town = 2,     // 镇 / 乡 / 街道
    Village = 3,  // 村 / 社区
}

/// <summary>A county, town or village with its 12-digit division code.</summary>
/// <param name="Code">12 digits, zero-padded (county 511124000000, town 511124100000, village 511124100201).</param>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode)
{
    /// <summary>Approximate latitude of the seat (驻地) in degrees, when known; the generator scatters households around it.</summary>
    public double? Latitude { get; init; }

    /// <summary>Approximate longitude of the seat (驻地) in degrees, when known.</summary>
    public double? Longitude { get; init; }
}
