using System.Text;

namespace WarningHub.Core.Registry;

/// <summary>
/// Reads and writes the registry's CSV files (regions.csv, households.csv, persons.csv, and the endpoints'
/// terminals.csv, subscribers.csv, officers.csv): UTF-8 with or without
/// a BOM, a header line naming the columns (any order), RFC 4180 quoting. Reading streams the file; an import
/// with any bad row imports nothing and reports every error with file, line, field and reason.
/// </summary>
public static partial class RegistryCsv
{
    public const string RegionsFileName = "regions.csv";
    public const string HouseholdsFileName = "households.csv";
    public const string PersonsFileName = "persons.csv";

    private const int BufferSize = 1 << 16;

    // Invalid bytes throw instead of silently becoming U+FFFD in a name.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private delegate T? RowParser<T>(CsvRow row);

    /// <summary>
    /// Loads a county from a directory holding regions.csv and, optionally, households.csv and persons.csv
    /// (both or neither; without them the registry has regions only, ready for <see cref="CountyGenerator"/>).
    /// </summary>
    /// <exception cref="RegistryImportException">Any file has a bad row; every error of every file is listed.</exception>
    /// <exception cref="RegistryValidationException">The rows are well-formed but inconsistent.</exception>
    /// <exception cref="FileNotFoundException">regions.csv, or one of the population files, is missing.</exception>
    public static CountyRegistry LoadCounty(string directory)
    {
        var regions = ReadRegions(Path.Combine(directory, RegionsFileName));
        var householdsPath = Path.Combine(directory, HouseholdsFileName);
        var personsPath = Path.Combine(directory, PersonsFileName);
        if (File.Exists(householdsPath) != File.Exists(personsPath))
        {
            var missing = File.Exists(householdsPath) ? personsPath : householdsPath;
            throw new FileNotFoundException($"{HouseholdsFileName} and {PersonsFileName} go together; one is missing.", missing);
        }

        CsvImportResult<Household>? households = null;
        CsvImportResult<Person>? persons = null;
        if (File.Exists(householdsPath))
        {
            households = ReadHouseholds(householdsPath);
            persons = ReadPersons(personsPath);
        }

        var errors = regions.Errors.Concat(households?.Errors ?? []).Concat(persons?.Errors ?? []).ToList();
        var total = regions.TotalErrorCount + (households?.TotalErrorCount ?? 0) + (persons?.TotalErrorCount ?? 0);
        if (total > 0)
        {
            throw new RegistryImportException(errors, total);
        }

        return new CountyRegistry(regions.Rows, households?.Rows ?? [], persons?.Rows ?? []);
    }

    /// <summary>Writes regions.csv, households.csv and persons.csv of a registry into a directory (created if needed).</summary>
    public static void SaveCounty(CountyRegistry registry, string directory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Directory.CreateDirectory(directory);
        WriteRegions(Path.Combine(directory, RegionsFileName), registry.Regions);
        WriteHouseholds(Path.Combine(directory, HouseholdsFileName), registry.Households);
        WritePersons(Path.Combine(directory, PersonsFileName), registry.Persons);
    }

    private static CsvImportResult<T> Import<T>(string path, string[] columns, RowParser<T> parse, IReadOnlyCollection<string>? optional = null)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, BufferSize);
        return Import(reader, Path.GetFileName(path), columns, parse, optional);
    }

    private static CsvImportResult<T> Import<T>(
        TextReader reader, string fileName, string[] columns, RowParser<T> parse, IReadOnlyCollection<string>? optional = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new CsvErrorList(fileName);
        var rows = new List<T>();
        var csv = new CsvRecordReader(reader);
        try
        {
            if (!csv.ReadRecord())
            {
                errors.Add(1, null, $"the file is empty; a header line naming {string.Join(",", columns)} is required");
            }
            else if (CsvColumns.Map(csv, columns, errors, optional) is { } fieldOf)
            {
                var headerFields = csv.FieldCount;
                var row = new CsvRow(csv, errors, columns, fieldOf);
                while (csv.ReadRecord())
                {
                    row.Begin();
                    if (csv.Error is not null)
                    {
                        errors.Add(csv.LineNumber, NameOf(csv.ErrorField, fieldOf, columns), csv.Error);
                    }
                    else if (csv.FieldCount != headerFields)
                    {
                        errors.Add(csv.LineNumber, null, $"has {csv.FieldCount} fields, the header has {headerFields}");
                    }
                    else
                    {
                        var item = parse(row);
                        if (errors.Total == 0)
                        {
                            rows.Add(item!);
                        }
                    }

                    if (row.HasErrors && rows.Count > 0)
                    {
                        // Nothing will be imported: let the rows read so far go.
                        rows = [];
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(csv.CurrentLine, null, "the file is not valid UTF-8 near this line; nothing after it was read");
        }

        return errors.Total == 0
            ? new CsvImportResult<T>(rows.AsReadOnly(), [], 0)
            : new CsvImportResult<T>([], errors.Listed, errors.Total);
    }

    private static string? NameOf(int field, int[] fieldOf, string[] columns)
    {
        var column = Array.IndexOf(fieldOf, field);
        return column >= 0 ? columns[column] : null;
    }

    private static void Export(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize);
        write(writer);
    }
}
