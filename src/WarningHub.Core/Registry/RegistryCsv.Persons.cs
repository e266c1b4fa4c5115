namespace WarningHub.Core.Registry;

// persons.csv: id,name,phone,household_id,village_code,latitude,longitude,is_test. Phones are normalised on import.
public static partial class RegistryCsv
{
    private static readonly string[] PersonColumns =
        ["id", "name", "phone", "household_id", "village_code", "latitude", "longitude", "is_test"];

    /// <summary>Reads persons.csv from a file; phones are normalised ("+86 138-0013-8000" gives "13800138000").</summary>
    public static CsvImportResult<Person> ReadPersons(string path) => Import(path, PersonColumns, ParsePerson);

    /// <summary>Reads persons.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Person> ReadPersons(TextReader reader, string fileName = PersonsFileName) =>
        Import(reader, fileName, PersonColumns, ParsePerson);

    /// <summary>Writes persons.csv to a file (UTF-8 without BOM).</summary>
    public static void WritePersons(string path, IEnumerable<Person> persons) => Export(path, w => WritePersons(w, persons));

    /// <summary>Writes persons.csv to a writer.</summary>
    public static void WritePersons(TextWriter writer, IEnumerable<Person> persons)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(persons);
        var csv = new CsvOutput(writer);
        csv.Header(PersonColumns);
        foreach (var person in persons)
        {
            csv.Field(person.Id);
            csv.Field(person.Name);
            csv.Field(person.Phone);
            csv.Field(person.HouseholdId);
            csv.Field(person.VillageCode);
            csv.Field(person.Latitude);
            csv.Field(person.Longitude);
            csv.Field(person.IsTestRecipient);
            csv.EndRow();
        }
    }

    private static Person? ParsePerson(CsvRow row)
    {
        var id = row.Id(0);
        var name = row.Text(1, required: true);
        var phone = row.Phone(2);
        var household = row.Id(3);
        var village = row.Code(4);
        var (latitude, longitude) = row.Location(5, 6);
        var isTest = row.Flag(7);
        if (isTest && phone is null && !row.HasErrors)
        {
            row.Fail(7, "a test recipient needs a phone");
        }

        return row.HasErrors ? null : new Person(id, name, phone, household, village, latitude, longitude, isTest);
    }
}
