namespace WarningHub.Core.Cap;

/// <summary>
/// One entry of CAP <c>references</c>: an earlier message named by <c>sender,identifier,sent</c>.
/// Update and Cancel messages point at what they update or cancel this way.
/// </summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent)
{
    /// <summary>The CAP text form <c>sender,identifier,sent</c>.</summary>
    public string ToCapString() => Sender + "," + Identifier + "," + CapTime.Format(Sent);

    /// <summary>True when this reference names the given message.</summary>
    public bool Names(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return string.Equals(Sender, alert.Sender, StringComparison.Ordinal)
            && string.Equals(Identifier, alert.Identifier, StringComparison.Ordinal)
            && Sent == alert.Sent;
    }

    /// <summary>
    /// Reads a whitespace-separated list of <c>sender,identifier,sent</c> triples.
    /// Every malformed entry is reported; the readable ones are returned.
    /// </summary>
    internal static IReadOnlyList<CapReference> ParseList(string text, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var references = new List<CapReference>();
        foreach (var entry in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                problems.Add($"'{CapText.Shorten(entry)}' is not 'sender,identifier,sent'");
                continue;
            }

            if (!CapTime.TryParse(parts[2], out var sent, out var timeProblem))
            {
                problems.Add($"'{CapText.Shorten(entry)}': {timeProblem}");
                continue;
            }

            if (timeProblem is not null)
            {
                problems.Add($"'{CapText.Shorten(entry)}': {timeProblem}");
            }

            references.Add(new CapReference(parts[0], parts[1], sent));
        }

        return references;
    }
}
