namespace WarningHub.Core.Registry;

// officers.csv: id,name,phone,region_code,role. Role is village_cadre, town_officer or broadcaster; phones are normalised.
public static partial class RegistryCsv
{
    private static readonly string[] OfficerColumns = ["id", "name", "phone", "region_code", "role"];

    /// <summary>Reads officers.csv from a file; regions must be those of <paramref name="registry"/>, at the level the role answers for.</summary>
    public static CsvImportResult<Officer> ReadOfficers(string path, CountyRegistry registry) =>
        Import(path, OfficerColumns, OfficerParser(registry));

    /// <summary>Reads officers.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Officer> ReadOfficers(TextReader reader, CountyRegistry registry, string fileName = OfficersFileName) =>
        Import(reader, fileName, OfficerColumns, OfficerParser(registry));

    /// <summary>Writes officers.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteOfficers(string path, IEnumerable<Officer> officers) => Export(path, w => WriteOfficers(w, officers));

    /// <summary>Writes officers.csv to a writer.</summary>
    public static void WriteOfficers(TextWriter writer, IEnumerable<Officer> officers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(officers);
        var csv = new CsvOutput(writer);
        csv.Header(OfficerColumns);
        foreach (var officer in officers)
        {
            csv.Field(officer.Id);
            csv.Field(officer.Name);
            csv.Field(officer.Phone);
            csv.Field(officer.RegionCode);
            csv.Field(OfficerRoles.Name(officer.Role));
            csv.EndRow();
        }
    }

    private static RowParser<Officer> OfficerParser(CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var firstLine = new Dictionary<long, int>();
        return row =>
        {
            var id = row.Id(0);
            var name = row.Text(1, required: true);
            var phone = row.RequiredPhone(2);
            var regionCode = row.Code(3);
            var region = regionCode.Length > 0 ? registry.FindRegion(regionCode) : null;
            if (regionCode.Length > 0 && region is null)
            {
                row.Fail(3, $"{regionCode} is not a region of the registry");
            }

            var roleText = row.Trimmed(4, required: true);
            if (!OfficerRoles.TryParse(roleText, out var role) && roleText.Length > 0)
            {
                row.Fail(4, $"'{Shorten(roleText)}' is not a role (expected {OfficerRoles.Names})");
            }
            else if (region is not null && role != default && region.Level != OfficerRoles.LevelOf(role))
            {
                row.Fail(3, $"a {OfficerRoles.Name(role)} answers for a {LevelName(OfficerRoles.LevelOf(role))}, " +
                    $"but {regionCode} is a {LevelName(region.Level)} ({region.Name})");
            }

            if (id > 0 && !firstLine.TryAdd(id, row.Line))
            {
                row.Fail(0, $"officer id {id} is already used on line {firstLine[id]}");
            }

            return row.HasErrors ? null : new Officer(id, name, phone, regionCode, role);
        };
    }
}
