namespace WarningHub.Core.Registry;

/// <summary>
/// What a CSV import produced: every row, or, if any row was bad, no row at all and the errors. An import is
/// all or nothing so that a half-read registry never targets a warning.
/// </summary>
public sealed class CsvImportResult<T>
{
    internal CsvImportResult(IReadOnlyList<T> rows, IReadOnlyList<CsvError> errors, int totalErrorCount)
    {
        Rows = rows;
        Errors = errors;
        TotalErrorCount = totalErrorCount;
    }

    /// <summary>The rows read, in file order; empty when <see cref="Succeeded"/> is false.</summary>
    public IReadOnlyList<T> Rows { get; }

    /// <summary>Errors in file order; the first <see cref="CsvErrorList.MaxListed"/> when there are more.</summary>
    public IReadOnlyList<CsvError> Errors { get; }

    /// <summary>How many errors were found, listed or not.</summary>
    public int TotalErrorCount { get; }

    /// <summary>True when every row was good.</summary>
    public bool Succeeded => TotalErrorCount == 0;

    /// <summary>The rows, or a <see cref="RegistryImportException"/> with every listed error.</summary>
    public IReadOnlyList<T> GetRowsOrThrow() =>
        Succeeded ? Rows : throw new RegistryImportException(Errors, TotalErrorCount);
}
