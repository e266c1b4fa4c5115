namespace WarningHub.Core.Registry;

/// <summary>A registry's regions, households or persons are inconsistent; <see cref="Errors"/> names every row.</summary>
public sealed class RegistryValidationException : Exception
{
    private const int InMessage = 10;

    public RegistryValidationException()
        : this("The registry is inconsistent.")
    {
    }

    public RegistryValidationException(string message)
        : base(message)
    {
        Errors = [message];
        TotalErrorCount = 1;
    }

    public RegistryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
        TotalErrorCount = 1;
    }

    /// <param name="errors">The errors listed (at most a few hundred).</param>
    /// <param name="totalErrorCount">All errors found, listed or not.</param>
    public RegistryValidationException(IReadOnlyList<string> errors, int totalErrorCount)
        : base(Describe(errors, totalErrorCount))
    {
        Errors = errors;
        TotalErrorCount = totalErrorCount;
    }

    /// <summary>One line per error, each naming its row.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>How many errors were found; more than <see cref="Errors"/> holds when the list was cut short.</summary>
    public int TotalErrorCount { get; }

    private static string Describe(IReadOnlyList<string> errors, int total)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = string.Join(Environment.NewLine, errors.Take(InMessage).Select(e => "  " + e));
        var more = total > InMessage ? $"{Environment.NewLine}  ... and {total - InMessage} more" : string.Empty;
        return $"The registry is inconsistent ({total} error(s)):{Environment.NewLine}{shown}{more}";
    }
}
