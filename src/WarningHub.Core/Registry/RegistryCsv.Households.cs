namespace WarningHub.Core.Registry;

// households.csv: id,village_code,address,latitude,longitude.
public static partial class RegistryCsv
{
    private static readonly string[] HouseholdColumns = ["id", "village_code", "address", "latitude", "longitude"];

    /// <summary>Reads households.csv from a file.</summary>
    public static CsvImportResult<Household> ReadHouseholds(string path) => Import(path, HouseholdColumns, ParseHousehold);

    /// <summary>Reads households.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Household> ReadHouseholds(TextReader reader, string fileName = HouseholdsFileName) =>
        Import(reader, fileName, HouseholdColumns, ParseHousehold);

    /// <summary>Writes households.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteHouseholds(string path, IEnumerable<Household> households) =>
        Export(path, w => WriteHouseholds(w, households));

    /// <summary>Writes households.csv to a writer.</summary>
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
            csv.EndRow();
        }
    }

    private static Household? ParseHousehold(CsvRow row)
    {
        var id = row.Id(0);
        var village = row.Code(1);
        var address = row.Text(2, required: false);
        var (latitude, longitude) = row.Location(3, 4);
        return row.HasErrors ? null : new Household(id, village, address, latitude, longitude);
    }
}
