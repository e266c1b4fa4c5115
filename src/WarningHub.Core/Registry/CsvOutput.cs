using System.Globalization;

namespace WarningHub.Core.Registry;

/// <summary>Writes RFC 4180 fields: quoted only when they hold a comma, a quote or a line break; LF line ends.</summary>
internal sealed class CsvOutput(TextWriter writer)
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");
    private bool firstInRow = true;

    public void Header(string[] columns)
    {
        foreach (var column in columns)
        {
            Field(column);
        }

        EndRow();
    }

    public void Field(ReadOnlySpan<char> value)
    {
        Separator();
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }

    public void Field(long value)
    {
        Separator();
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        writer.Write(digits[..written]);
    }

    /// <summary>Shortest text that reads back as the same double; empty for null.</summary>
    public void Field(double? value)
    {
        Separator();
        if (value is { } number)
        {
            Span<char> text = stackalloc char[32];
            number.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
            writer.Write(text[..written]);
        }
    }

    public void Field(bool value)
    {
        Separator();
        writer.Write(value ? "true" : "false");
    }

    public void EndRow()
    {
        writer.Write('\n');
        firstInRow = true;
    }

    private void Separator()
    {
        if (!firstInRow)
        {
            writer.Write(',');
        }

        firstInRow = false;
    }
}
