namespace WarningHub.Core.Registry;

// terminals.csv, subscribers.csv and officers.csv together: each optional, each all or nothing.
public static partial class RegistryCsv
{
    public const string TerminalsFileName = "terminals.csv";
    public const string SubscribersFileName = "subscribers.csv";
    public const string OfficersFileName = "officers.csv";

    /// <summary>
    /// Reads whichever of terminals.csv, subscribers.csv and officers.csv a directory holds, checking every row
    /// against <paramref name="registry"/>. An absent file gives null for its kind (not "none"): see
    /// <see cref="EndpointImport"/>. A file with only its header line gives an empty list.
    /// </summary>
    /// <exception cref="RegistryImportException">Any file has a bad row; every error of every file is listed.</exception>
    public static EndpointImport LoadEndpoints(string directory, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var terminals = ReadIfPresent(directory, TerminalsFileName, path => ReadTerminals(path, registry));
        var subscribers = ReadIfPresent(directory, SubscribersFileName, path => ReadSubscribers(path, registry));
        var officers = ReadIfPresent(directory, OfficersFileName, path => ReadOfficers(path, registry));
        var total = (terminals?.TotalErrorCount ?? 0) + (subscribers?.TotalErrorCount ?? 0) + (officers?.TotalErrorCount ?? 0);
        if (total > 0)
        {
            var errors = (terminals?.Errors ?? []).Concat(subscribers?.Errors ?? []).Concat(officers?.Errors ?? []).ToList();
            throw new RegistryImportException(errors, total);
        }

        return new EndpointImport(terminals?.Rows, subscribers?.Rows, officers?.Rows);
    }

    /// <summary>Writes terminals.csv, subscribers.csv and officers.csv into a directory (created if needed).</summary>
    public static void SaveEndpoints(string directory, CountyEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Directory.CreateDirectory(directory);
        WriteTerminals(Path.Combine(directory, TerminalsFileName), endpoints.Terminals);
        WriteSubscribers(Path.Combine(directory, SubscribersFileName), endpoints.Subscribers);
        WriteOfficers(Path.Combine(directory, OfficersFileName), endpoints.Officers);
    }

    private static CsvImportResult<T>? ReadIfPresent<T>(string directory, string fileName, Func<string, CsvImportResult<T>> read)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? read(path) : null;
    }
}
