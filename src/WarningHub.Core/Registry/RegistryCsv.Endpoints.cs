namespace WarningHub.Core.Registry;

// terminals.csv, subscribers.csv, officers.csv and responsibilities.csv together: each optional, each all or nothing.
public static partial class RegistryCsv
{
    public const string TerminalsFileName = "terminals.csv";
    public const string SubscribersFileName = "subscribers.csv";
    public const string OfficersFileName = "officers.csv";

    /// <summary>
    /// Reads whichever of terminals.csv, subscribers.csv, officers.csv and responsibilities.csv a directory holds,
    /// checking every row against <paramref name="registry"/>. An absent file gives null for its kind (not
    /// "none"): see <see cref="EndpointImport"/>. A file with only its header line gives an empty list.
    /// Responsibilities, and the cadre_id of the registry's households (read from households.csv in the same
    /// directory), must name officers: those of officers.csv when it is there, else the <paramref name="stored"/> ones.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="registry">The registry every row must fit.</param>
    /// <param name="stored">The endpoints the database holds.</param>
    /// <param name="weChatAccounts">The hub's WeChat accounts, which subscribers' accounts must name; null: not checked.</param>
    /// <exception cref="RegistryImportException">Any file has a bad row; every error of every file is listed.</exception>
    public static EndpointImport LoadEndpoints(string directory, CountyRegistry registry, CountyEndpoints? stored = null,
        IReadOnlyCollection<string>? weChatAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var terminals = ReadIfPresent(directory, TerminalsFileName, path => ReadTerminals(path, registry));
        var subscribers = ReadIfPresent(directory, SubscribersFileName, path => ReadSubscribers(path, registry, weChatAccounts));
        var officers = ReadIfPresent(directory, OfficersFileName, path => ReadOfficers(path, registry));
        var officersAfter = officers is null ? (stored ?? CountyEndpoints.Empty).Officers : officers.Rows;
        var usable = officers?.Succeeded != false;
        var responsibilities = usable
            ? ReadIfPresent(directory, ResponsibilitiesFileName, path => ReadResponsibilities(path, registry, officersAfter))
            : null;
        var householdsPath = Path.Combine(directory, HouseholdsFileName);
        var cadres = usable && File.Exists(householdsPath) && CountyEndpoints.CadreProblems(registry, officersAfter).Any()
            ? CheckCadres(householdsPath, officersAfter)
            : null;
        var results = new (IReadOnlyList<CsvError> Errors, int Total)[]
        {
            (terminals?.Errors ?? [], terminals?.TotalErrorCount ?? 0),
            (subscribers?.Errors ?? [], subscribers?.TotalErrorCount ?? 0),
            (officers?.Errors ?? [], officers?.TotalErrorCount ?? 0),
            (responsibilities?.Errors ?? [], responsibilities?.TotalErrorCount ?? 0),
            (cadres?.Errors ?? [], cadres?.TotalErrorCount ?? 0),
        };
        var total = results.Sum(r => r.Total);
        if (total > 0)
        {
            throw new RegistryImportException(results.SelectMany(r => r.Errors).ToList(), total);
        }

        return new EndpointImport(terminals?.Rows, subscribers?.Rows, officers?.Rows, responsibilities?.Rows);
    }

    /// <summary>Writes terminals.csv, subscribers.csv, officers.csv and responsibilities.csv into a directory (created if needed).</summary>
    public static void SaveEndpoints(string directory, CountyEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Directory.CreateDirectory(directory);
        WriteTerminals(Path.Combine(directory, TerminalsFileName), endpoints.Terminals);
        WriteSubscribers(Path.Combine(directory, SubscribersFileName), endpoints.Subscribers);
        WriteOfficers(Path.Combine(directory, OfficersFileName), endpoints.Officers);
        WriteResponsibilities(Path.Combine(directory, ResponsibilitiesFileName), endpoints.Responsibilities);
    }

    private static CsvImportResult<T>? ReadIfPresent<T>(string directory, string fileName, Func<string, CsvImportResult<T>> read)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? read(path) : null;
    }
}
