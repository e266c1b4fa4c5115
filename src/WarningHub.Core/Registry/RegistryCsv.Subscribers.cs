namespace WarningHub.Core.Registry;

// subscribers.csv: openid,village_code,household_id,is_test[,account]. account (the WeChat account followed) is
// optional, as a column and in each row: empty is the default account. Errors never repeat an openid: it identifies a person.
public static partial class RegistryCsv
{
    private static readonly string[] SubscriberColumns = ["openid", "village_code", "household_id", "is_test", "account"];
    private static readonly string[] SubscriberOptionalColumns = ["account"];
    private static readonly string[] SubscriberColumnsWithoutAccount = SubscriberColumns[..^1];

    /// <summary>Reads subscribers.csv from a file; villages and households must be those of <paramref name="registry"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="registry">The registry the rows must fit.</param>
    /// <param name="accounts">
    /// The hub's WeChat accounts, which a row's account must name (case aside; the configured spelling is kept). Null:
    /// any well-formed name is taken (no settings at hand).
    /// </param>
    public static CsvImportResult<Subscriber> ReadSubscribers(string path, CountyRegistry registry, IReadOnlyCollection<string>? accounts = null) =>
        Import(path, SubscriberColumns, SubscriberParser(registry, accounts), SubscriberOptionalColumns);

    /// <summary>Reads subscribers.csv from a reader; <paramref name="fileName"/> names it in errors.</summary>
    public static CsvImportResult<Subscriber> ReadSubscribers(TextReader reader, CountyRegistry registry, string fileName = SubscribersFileName,
        IReadOnlyCollection<string>? accounts = null) =>
        Import(reader, fileName, SubscriberColumns, SubscriberParser(registry, accounts), SubscriberOptionalColumns);

    /// <summary>Writes subscribers.csv to a file (UTF-8 without BOM).</summary>
    public static void WriteSubscribers(string path, IEnumerable<Subscriber> subscribers) => Export(path, w => WriteSubscribers(w, subscribers));

    /// <summary>Writes subscribers.csv to a writer; a follower without a household has an empty household_id.</summary>
    public static void WriteSubscribers(TextWriter writer, IEnumerable<Subscriber> subscribers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(subscribers);
        var rows = subscribers as IReadOnlyCollection<Subscriber> ?? subscribers.ToList();
        // The account column only when some follower names one: a single account's file stays as it always was.
        var withAccount = rows.Any(s => s.Account is not null);
        var csv = new CsvOutput(writer);
        csv.Header(withAccount ? SubscriberColumns : SubscriberColumnsWithoutAccount);
        foreach (var subscriber in rows)
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
            if (withAccount) csv.Field(subscriber.Account ?? string.Empty);
            csv.EndRow();
        }
    }

    private static RowParser<Subscriber> SubscriberParser(CountyRegistry registry, IReadOnlyCollection<string>? accounts)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var known = accounts?.ToDictionary(a => a, a => a, StringComparer.OrdinalIgnoreCase);
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
            var account = Account(row, 4, known);
            // An openid is its account's: the same one under two accounts is two followers.
            var address = FollowerAddress.Of(account, openId);
            if (openId.Length > 0 && !firstLine.TryAdd(address, row.Line))
            {
                row.Fail(0, $"the same openid is already on line {firstLine[address]}");
            }

            return row.HasErrors ? null : new Subscriber(openId, village, householdId, isTest, account);
        };
    }

    // Empty: the default account. A name the hub does not configure would leave its followers with no account to
    // send through: the row is refused, and with it the file.
    private static string? Account(CsvRow row, int column, Dictionary<string, string>? known)
    {
        var name = row.Trimmed(column, required: false);
        if (name.Length == 0) return null;
        if (FollowerAddress.AccountNameProblem(name) is { } problem)
        {
            row.Fail(column, problem);
            return null;
        }

        if (known is null) return name;
        if (known.TryGetValue(name, out var configured)) return configured;
        row.Fail(column, known.Count == 0
            ? $"names WeChat account '{name}', but the hub has no WeChat account configured"
            : $"names WeChat account '{name}', which is not configured (the hub has {string.Join(", ", known.Values.Order(StringComparer.Ordinal))})");
        return null;
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
