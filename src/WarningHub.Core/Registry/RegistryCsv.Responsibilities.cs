namespace WarningHub.Core.Registry;

// responsibilities.csv: region_code,officer_id,tier,levels,duty. Each officer id must be an officer of the import
// (officers.csv beside it, or the stored officers when that file is absent).
public static partial class RegistryCsv
{
    public const string ResponsibilitiesFileName = "responsibilities.csv";

    private static readonly string[] ResponsibilityColumns = ["region_code", "officer_id", "tier", "levels", "duty"];

    /// <summary>Reads responsibilities.csv from a file, checking regions against the registry and officer ids against <paramref name="officers"/>.</summary>
    public static CsvImportResult<Responsibility> ReadResponsibilities(string path, CountyRegistry registry, IReadOnlyCollection<Officer> officers) =>
        Import(path, ResponsibilityColumns, ResponsibilityParser(registry, officers));

    /// <summary>Reads responsibilities.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Responsibility> ReadResponsibilities(
        TextReader reader, CountyRegistry registry, IReadOnlyCollection<Officer> officers, string fileName = ResponsibilitiesFileName) =>
        Import(reader, fileName, ResponsibilityColumns, ResponsibilityParser(registry, officers));

    /// <summary>Writes responsibilities.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteResponsibilities(string path, IEnumerable<Responsibility> responsibilities) =>
        Export(path, w => WriteResponsibilities(w, responsibilities));

    /// <summary>Writes responsibilities.csv to a writer.</summary>
    public static void WriteResponsibilities(TextWriter writer, IEnumerable<Responsibility> responsibilities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(responsibilities);
        var csv = new CsvOutput(writer);
        csv.Header(ResponsibilityColumns);
        foreach (var r in responsibilities)
        {
            csv.Field(r.RegionCode);
            csv.Field(r.OfficerId);
            csv.Field((int)r.Tier);
            csv.Field(ResponsibilityNames.Name(r.Levels));
            csv.Field(ResponsibilityNames.Name(r.Duties));
            csv.EndRow();
        }
    }

    private static RowParser<Responsibility> ResponsibilityParser(CountyRegistry registry, IReadOnlyCollection<Officer> officers)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(officers);
        var officerIds = officers.Select(o => o.Id).ToHashSet();
        var firstLine = new Dictionary<(string, long), int>();
        return row =>
        {
            var regionCode = row.Code(0);
            var region = regionCode.Length > 0 ? registry.FindRegion(regionCode) : null;
            if (regionCode.Length > 0 && region is null)
            {
                row.Fail(0, $"{regionCode} is not a region of the registry");
            }

            var officerId = row.Id(1);
            if (officerId > 0 && !officerIds.Contains(officerId))
            {
                row.Fail(1, $"officer {officerId} is not in {OfficersFileName}");
            }

            var tier = ParseTier(row, 2);
            if (region is not null && tier != default && !ResponsibilityNames.Fits(tier, region.Level))
            {
                row.Fail(2, $"tier {(int)tier} ({LevelName((RegionLevel)(4 - (int)tier))}) cannot answer for {regionCode}, " +
                    $"a {LevelName(region.Level)} ({region.Name})");
            }

            var levelsText = row.Trimmed(3, required: true);
            if (!ResponsibilityNames.TryParseLevels(levelsText, out var levels, out var bad) && levelsText.Length > 0)
            {
                row.Fail(3, bad is null ? "names no level" : $"'{Shorten(bad)}' is not a level (expected blue, yellow, orange, red or all, separated by |)");
            }

            var dutyText = row.Trimmed(4, required: true);
            if (!ResponsibilityNames.TryParseDuties(dutyText, out var duties) && dutyText.Length > 0)
            {
                row.Fail(4, $"'{Shorten(dutyText)}' is not a duty (expected ack, door_to_door or both)");
            }

            if (regionCode.Length > 0 && officerId > 0 && !firstLine.TryAdd((regionCode, officerId), row.Line))
            {
                row.Fail(1, $"officer {officerId} already answers for {regionCode} on line {firstLine[(regionCode, officerId)]}");
            }

            return row.HasErrors ? null : new Responsibility(regionCode, officerId, tier, levels, duties);
        };
    }

    private static ResponsibilityTier ParseTier(CsvRow row, int column)
    {
        var text = row.Trimmed(column, required: true);
        var tier = text.ToUpperInvariant() switch
        {
            "1" or "VILLAGE" => ResponsibilityTier.Village,
            "2" or "TOWN" => ResponsibilityTier.Town,
            "3" or "COUNTY" => ResponsibilityTier.County,
            _ => default,
        };
        if (tier == default && text.Length > 0)
        {
            row.Fail(column, $"'{Shorten(text)}' is not a tier (expected 1 village, 2 town or 3 county)");
        }

        return tier;
    }
}
