namespace WarningHub.Core.Registry;

// households.csv: id,village_code,address,latitude,longitude[,cadre_id]. cadre_id (包户干部) is optional, as a
// column and in each row; when given it must name an officer (checked when the officers are known).
public static partial class RegistryCsv
{
    private static readonly string[] HouseholdColumns = ["id", "village_code", "address", "latitude", "longitude", "cadre_id"];
    private static readonly string[] HouseholdOptionalColumns = ["cadre_id"];

    /// <summary>Reads households.csv from a file.</summary>
    public static CsvImportResult<Household> ReadHouseholds(string path) =>
        Import(path, HouseholdColumns, ParseHousehold, HouseholdOptionalColumns);

    /// <summary>Reads households.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Household> ReadHouseholds(TextReader reader, string fileName = HouseholdsFileName) =>
        Import(reader, fileName, HouseholdColumns, ParseHousehold, HouseholdOptionalColumns);

    /// <summary>Writes households.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteHouseholds(string path, IEnumerable<Household> households) =>
        Export(path, w => WriteHouseholds(w, households));

    /// <summary>Writes households.csv to a writer; the cadre_id column always, empty where a household has none.</summary>
    public static void WriteHouseholds(TextWriter writer, IEnumerable<Household> households)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(households);
        var csv = new CsvOutput(writer);
        csv.Header(HouseholdColumns);
        foreach (var household in households)
        {
            csv.Field(household.Id);
            csv.Field(household.VillageCode);
            csv.Field(household.Address);
            csv.Field(household.Latitude);
            csv.Field(household.Longitude);
            if (household.CadreId is { } cadre)
            {
                csv.Field(cadre);
            }
            else
            {
                csv.Field(ReadOnlySpan<char>.Empty);
            }

            csv.EndRow();
        }
    }

    /// <summary>
    /// The lines of households.csv whose cadre_id is not one of <paramref name="officers"/>, as errors. Reads the
    /// file again: this runs only when such households exist, and the registry keeps no line numbers.
    /// </summary>
    internal static CsvImportResult<Household> CheckCadres(string path, IReadOnlyCollection<Officer> officers)
    {
        var ids = officers.Select(o => o.Id).ToHashSet();
        return Import<Household>(path, HouseholdColumns, row =>
        {
            var cadre = row.OptionalId(5);
            if (cadre is { } id && !ids.Contains(id))
            {
                row.Fail(5, $"officer {id} is not in {OfficersFileName}");
            }

            return null;
        }, HouseholdOptionalColumns);
    }

    private static Household? ParseHousehold(CsvRow row)
    {
        var id = row.Id(0);
        var village = row.Code(1);
        var address = row.Text(2, required: false);
        var (latitude, longitude) = row.Location(3, 4);
        var cadre = row.OptionalId(5);
        return row.HasErrors ? null : new Household(id, village, address, latitude, longitude) { CadreId = cadre };
    }
}
