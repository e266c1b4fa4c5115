namespace WarningHub.Core.Registry;

/// <summary>Collects the errors of one file; keeps the first <see cref="MaxListed"/> and counts the rest.</summary>
internal sealed class CsvErrorList(string file)
{
    /// <summary>Enough to fix a file by; a file that is wrong throughout does not fill memory with errors.</summary>
    public const int MaxListed = 1000;

    private readonly List<CsvError> listed = [];

    public string File { get; } = file;

    public int Total { get; private set; }

    public IReadOnlyList<CsvError> Listed => listed;

    public void Add(int line, string? field, string reason)
    {
        if (++Total <= MaxListed)
        {
            listed.Add(new CsvError(File, line, field, reason));
        }
    }
}
