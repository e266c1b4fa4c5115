namespace WarningHub.Core.Registry;

// regions.csv: code,name,level,parent_code,latitude,longitude (level: county, town or village).
public static partial class RegistryCsv
{
    private static readonly string[] RegionColumns = ["code", "name", "level", "parent_code", "latitude", "longitude"];

    /// <summary>Reads regions.csv from a file.</summary>
    public static CsvImportResult<Region> ReadRegions(string path) => Import(path, RegionColumns, ParseRegion);

    /// <summary>Reads regions.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Region> ReadRegions(TextReader reader, string fileName = RegionsFileName) =>
        Import(reader, fileName, RegionColumns, ParseRegion);

    /// <summary>Writes regions.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteRegions(string path, IEnumerable<Region> regions) => Export(path, w => WriteRegions(w, regions));

    /// <summary>Writes regions.csv to a writer.</summary>
    public static void WriteRegions(TextWriter writer, IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(regions);
        var csv = new CsvOutput(writer);
        csv.Header(RegionColumns);
        foreach (var region in regions)
        {
            csv.Field(region.Code);
            csv.Field(region.Name);
            csv.Field(LevelName(region.Level));
            csv.Field(region.ParentCode);
            csv.Field(region.Latitude);
            csv.Field(region.Longitude);
            csv.EndRow();
        }
    }

    private static Region? ParseRegion(CsvRow row)
    {
        var code = row.Code(0);
        var name = row.Text(1, required: true);
        var level = ParseLevel(row);
        var parent = row.OptionalCode(3);
        var (latitude, longitude) = row.Location(4, 5);
        return row.HasErrors ? null : new Region(code, name, level, parent) { Latitude = latitude, Longitude = longitude };
    }

    private static RegionLevel ParseLevel(CsvRow row)
    {
        var text = row.Text(2, required: false).Trim();
        foreach (var level in (RegionLevel[])[RegionLevel.County, RegionLevel.Town, RegionLevel.Village])
        {
            if (text.Equals(LevelName(level), StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        row.Fail(2, "must be county, town or village");
        return RegionLevel.Village;
    }

    internal static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.County => "county",
        RegionLevel.Town => "town",
        RegionLevel.Village => "village",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown region level"),
    };
}
