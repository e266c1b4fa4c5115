namespace WarningHub.Core.Registry;

// subscribers.csv: openid,village_code,household_id,is_test. Errors never repeat an openid: it identifies a person.
public static partial class RegistryCsv
{
    private static readonly string[] SubscriberColumns = ["openid", "village_code", "household_id", "is_test"];

    /// <summary>Reads subscribers.csv from a file; villages and households must be those of <paramref name="registry"/>.</summary>
    public static CsvImportResult<Subscriber> ReadSubscribers(string path, CountyRegistry registry) =>
        Import(path, SubscriberColumns, SubscriberParser(registry));

    /// <summary>Reads subscribers.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Subscriber> ReadSubscribers(TextReader reader, CountyRegistry registry, string fileName = SubscribersFileName) =>
        Import(reader, fileName, SubscriberColumns, SubscriberParser(registry));

    /// <summary>Writes subscribers.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteSubscribers(string path, IEnumerable<Subscriber> subscribers) => Export(path, w => WriteSubscribers(w, subscribers));

    /// <summary>Writes subscribers.csv to a writer; a follower without a household has an empty household_id.</summary>
    public static void WriteSubscribers(TextWriter writer, IEnumerable<Subscriber> subscribers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(subscribers);
        var csv = new CsvOutput(writer);
        csv.Header(SubscriberColumns);
        foreach (var subscriber in subscribers)
        {
            csv.Field(subscriber.OpenId);
            csv.Field(subscriber.VillageCode);
            if (subscriber.HouseholdId is { } household)
            {
                csv.Field(household);
            }
            else
            {
                csv.Field(ReadOnlySpan<char>.Empty);
            }

            csv.Field(subscriber.IsTest);
            csv.EndRow();
        }
    }

    private static RowParser<Subscriber> SubscriberParser(CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        return row =>
        {
            var openId = row.Trimmed(0, required: true);
            if (openId.Length > 0 && OpenIdProblem(openId) is { } problem)
            {
                row.Fail(0, problem);
            }

            var village = Village(row, 1, registry);
            var householdId = row.OptionalId(2);
            if (householdId is > 0 and var id)
            {
                var household = registry.FindHousehold(id);
                if (household is null)
                {
                    row.Fail(2, $"household {id} is not in the registry");
                }
                else if (village.Length > 0 && household.VillageCode != village)
                {
                    row.Fail(2, $"household {id} is in village {household.VillageCode}, not {village}");
                }
            }

            var isTest = row.Flag(3);
            if (openId.Length > 0 && !firstLine.TryAdd(openId, row.Line))
            {
                row.Fail(0, $"the same openid is already on line {firstLine[openId]}");
            }

            return row.HasErrors ? null : new Subscriber(openId, village, householdId, isTest);
        };
    }

    // The WeChat adapter's own check: 1-64 letters, digits, '-' and '_', not all digits (a phone in the wrong column).
    private static string? OpenIdProblem(string openId)
    {
        if (openId.Length > 64 || !openId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return "is not an openid (1 to 64 letters, digits, '-' or '_')";
        }

        return openId.All(char.IsAsciiDigit) ? "is all digits: a phone number, not an openid" : null;
    }
}
