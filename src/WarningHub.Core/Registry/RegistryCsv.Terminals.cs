namespace WarningHub.Core.Registry;

// terminals.csv: id,village_code,channel,address,is_test. Checked against the registry the rows belong to.
public static partial class RegistryCsv
{
    private static readonly string[] TerminalColumns = ["id", "village_code", "channel", "address", "is_test"];

    /// <summary>Reads terminals.csv from a file; villages must be villages of <paramref name="registry"/>.</summary>
    public static CsvImportResult<Terminal> ReadTerminals(string path, CountyRegistry registry) =>
        Import(path, TerminalColumns, TerminalParser(registry));

    /// <summary>Reads terminals.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Terminal> ReadTerminals(TextReader reader, CountyRegistry registry, string fileName = TerminalsFileName) =>
        Import(reader, fileName, TerminalColumns, TerminalParser(registry));

    /// <summary>Writes terminals.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteTerminals(string path, IEnumerable<Terminal> terminals) => Export(path, w => WriteTerminals(w, terminals));

    /// <summary>Writes terminals.csv to a writer.</summary>
    public static void WriteTerminals(TextWriter writer, IEnumerable<Terminal> terminals)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(terminals);
        var csv = new CsvOutput(writer);
        csv.Header(TerminalColumns);
        foreach (var terminal in terminals)
        {
            csv.Field(terminal.Id);
            csv.Field(terminal.VillageCode);
            csv.Field(terminal.Channel);
            csv.Field(terminal.Address);
            csv.Field(terminal.IsTest);
            csv.EndRow();
        }
    }

    private static RowParser<Terminal> TerminalParser(CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        return row =>
        {
            var id = row.Trimmed(0, required: true);
            var village = Village(row, 1, registry);
            var channelText = row.Trimmed(2, required: true);
            var channel = TerminalAddressSyntax.Channel(channelText);
            if (channel is null && channelText.Length > 0)
            {
                row.Fail(2, $"'{Shorten(channelText)}' is not a terminal channel (expected {string.Join(" or ", TerminalAddressSyntax.TerminalChannels)})");
            }

            var address = row.Trimmed(3, required: true);
            if (channel is not null && address.Length > 0 && TerminalAddressSyntax.Problem(channel, address) is { } problem)
            {
                row.Fail(3, $"'{Shorten(address)}' {problem}");
            }

            var isTest = row.Flag(4);
            if (id.Length > 0 && !firstLine.TryAdd(id, row.Line))
            {
                row.Fail(0, $"terminal id '{Shorten(id)}' is already used on line {firstLine[id]}");
            }

            return row.HasErrors ? null : new Terminal(id, village, channel!, address, isTest);
        };
    }

    /// <summary>A 12-digit code that is a village of the registry; a town or an unknown code is an error.</summary>
    private static string Village(CsvRow row, int column, CountyRegistry registry)
    {
        var code = row.Code(column);
        if (code.Length > 0 && registry.FindRegion(code) is var region && region?.Level != RegionLevel.Village)
        {
            row.Fail(column, region is null
                ? $"{code} is not a region of the registry"
                : $"{code} is a {LevelName(region.Level)} ({region.Name}), not a village");
        }

        return code;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
