namespace WarningHub.Core.Registry;

/// <summary>A registry CSV import found bad rows and imported nothing; <see cref="Errors"/> names file, line and field.</summary>
public sealed class RegistryImportException : Exception
{
    private const int InMessage = 10;

    public RegistryImportException()
        : this("The registry import failed.")
    {
    }

    public RegistryImportException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RegistryImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <param name="errors">The errors listed.</param>
    /// <param name="totalErrorCount">All errors found, listed or not.</param>
    public RegistryImportException(IReadOnlyList<CsvError> errors, int totalErrorCount)
        : base(Describe(errors, totalErrorCount))
    {
        Errors = errors;
        TotalErrorCount = totalErrorCount;
    }

    public IReadOnlyList<CsvError> Errors { get; }

    public int TotalErrorCount { get; }

    private static string Describe(IReadOnlyList<CsvError> errors, int total)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = string.Join(Environment.NewLine, errors.Take(InMessage).Select(e => "  " + e));
        var more = total > InMessage ? $"{Environment.NewLine}  ... and {total - InMessage} more" : string.Empty;
        return $"Nothing was imported: {total} bad row(s):{Environment.NewLine}{shown}{more}";
    }
}
