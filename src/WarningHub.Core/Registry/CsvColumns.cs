namespace WarningHub.Core.Registry;

/// <summary>
/// Maps a header record to the expected columns: any order, any case; every column once, required unless it is
/// one of the <c>optional</c> ones (whose fields then read as empty).
/// </summary>
internal static class CsvColumns
{
    /// <returns>For each expected column the index of its field (-1 for an optional column that is absent), or null when the header is unusable.</returns>
    public static int[]? Map(CsvRecordReader header, string[] expected, CsvErrorList errors, IReadOnlyCollection<string>? optional = null)
    {
        var fieldOf = new int[expected.Length];
        Array.Fill(fieldOf, -1);
        var usable = header.Error is null;
        if (!usable)
        {
            errors.Add(header.LineNumber, null, $"header: {header.Error}");
        }

        for (var field = 0; field < header.FieldCount && usable; field++)
        {
            var name = header[field].Trim();
            for (var column = 0; column < expected.Length; column++)
            {
                if (!name.Equals(expected[column], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (fieldOf[column] >= 0)
                {
                    errors.Add(header.LineNumber, expected[column], "header: column appears twice");
                    usable = false;
                }

                fieldOf[column] = field;
            }
        }

        var complete = true;
        for (var column = 0; column < expected.Length && usable; column++)
        {
            if (fieldOf[column] < 0 && optional?.Contains(expected[column]) != true)
            {
                errors.Add(header.LineNumber, expected[column],
                    $"header: column is missing (the header line must name {string.Join(",", expected.Where(c => optional?.Contains(c) != true))})");
                complete = false;
            }
        }

        return usable && complete ? fieldOf : null;
    }
}
