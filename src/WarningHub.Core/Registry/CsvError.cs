namespace WarningHub.Core.Registry;

/// <summary>One bad row (or header) of an imported CSV file. Reasons never contain a full phone number.</summary>
/// <param name="File">File name, e.g. "persons.csv".</param>
/// <param name="Line">Physical line (1-based; the header is line 1) on which the record starts.</param>
/// <param name="Field">Column name, or null when the error concerns the whole row or file.</param>
/// <param name="Reason">Why it was rejected.</param>
public sealed record CsvError(string File, int Line, string? Field, string Reason)
{
    /// <summary>"persons.csv line 12, field phone: has 10 digits, expected 11".</summary>
    public override string ToString() =>
        Field is null ? $"{File} line {Line}: {Reason}" : $"{File} line {Line}, field {Field}: {Reason}";
}
