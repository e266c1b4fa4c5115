namespace WarningHub.Core.Registry;

/// <summary>Maps a header record to the expected columns: any order, any case; every column required once.</summary>
internal static class CsvColumns
{
    /// <returns>For each expected column the index of its field, or null when the header is unusable.</returns>
    public static int[]? Map(CsvRecordReader header, string[] expected, CsvErrorList errors)
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
            if (fieldOf[column] < 0)
            {
                errors.Add(header.LineNumber, expected[column],
                    $"header: column is missing (the header line must name {string.Join(",", expected)})");
                complete = false;
            }
        }

        return usable && complete ? fieldOf : null;
    }
}
