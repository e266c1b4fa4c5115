using System.Globalization;

namespace WarningHub.Core.Registry;

/// <summary>
/// Typed access to the fields of the current record by column, reporting each bad field with its column name.
/// Codes and names are pooled, so a million rows share a few thousand strings for them.
/// </summary>
internal sealed class CsvRow
{
    private const int MaxPooledNames = 1 << 16;

    private readonly CsvRecordReader reader;
    private readonly CsvErrorList errors;
    private readonly string[] columns;
    private readonly int[] fieldOf;
    private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private int errorsBefore;

    public CsvRow(CsvRecordReader reader, CsvErrorList errors, string[] columns, int[] fieldOf)
    {
        this.reader = reader;
        this.errors = errors;
        this.columns = columns;
        this.fieldOf = fieldOf;
    }

    /// <summary>True when a field of the current record was rejected.</summary>
    public bool HasErrors => errors.Total > errorsBefore;

    public void Begin() => errorsBefore = errors.Total;

    /// <summary>Physical line on which the current record starts.</summary>
    public int Line => reader.LineNumber;

    public long Id(int column)
    {
        var text = Raw(column).Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            Fail(column, text.IsEmpty ? "is empty" : $"'{Shorten(text)}' is not a positive whole number");
        }

        return value;
    }

    public string Text(int column, bool required)
    {
        var text = Raw(column);
        if (required && text.IsWhiteSpace())
        {
            Fail(column, "is empty");
        }

        return Pool(names, text, MaxPooledNames);
    }

    public string Code(int column)
    {
        var text = Raw(column).Trim();
        if (text.Length != DivisionCode.Length || text.ContainsAnyExceptInRange('0', '9'))
        {
            Fail(column, text.IsEmpty ? "is empty" : $"'{Shorten(text)}' is not a 12-digit division code");
            return string.Empty;
        }

        return Pool(codes, text, int.MaxValue);
    }

    public string? OptionalCode(int column) => Raw(column).IsWhiteSpace() ? null : Code(column);

    public long? OptionalId(int column) => Raw(column).IsWhiteSpace() ? null : Id(column);

    /// <summary>The field without surrounding blanks and unpooled: for identifiers that are mostly unique.</summary>
    public string Trimmed(int column, bool required)
    {
        var text = Raw(column).Trim();
        if (required && text.IsEmpty)
        {
            Fail(column, "is empty");
        }

        return text.ToString();
    }

    /// <summary>Both empty gives no location; one without the other is an error.</summary>
    public (double? Latitude, double? Longitude) Location(int latitudeColumn, int longitudeColumn)
    {
        var latitude = Coordinate(latitudeColumn, 90, out var latitudeGiven);
        var longitude = Coordinate(longitudeColumn, 180, out var longitudeGiven);
        if (latitudeGiven != longitudeGiven)
        {
            Fail(latitudeGiven ? longitudeColumn : latitudeColumn, "is empty but the other coordinate is given");
        }

        return (latitude, longitude);
    }

    /// <summary>Empty gives null; otherwise the normalised number. The reason never repeats the number.</summary>
    public string? Phone(int column)
    {
        var text = Raw(column);
        if (text.IsWhiteSpace())
        {
            return null;
        }

        var raw = text.ToString();
        if (PhoneNumber.IsNormalized(raw))
        {
            return raw;
        }

        if (!PhoneNumber.TryNormalize(raw, out var normalized, out var reason))
        {
            Fail(column, reason);
        }

        return normalized;
    }

    /// <summary>Like <see cref="Phone"/> for a number that must be there.</summary>
    public string RequiredPhone(int column)
    {
        var phone = Phone(column);
        if (phone is null && Raw(column).IsWhiteSpace())
        {
            Fail(column, "is empty");
        }

        return phone ?? string.Empty;
    }

    /// <summary>true/false, 1/0 or yes/no, any case; empty is false.</summary>
    public bool Flag(int column)
    {
        var text = Raw(column).Trim();
        if (text.IsEmpty || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Fail(column, $"'{Shorten(text)}' is not true or false");
        return false;
    }

    public void Fail(int column, string reason) => errors.Add(reader.LineNumber, columns[column], reason);

    private ReadOnlySpan<char> Raw(int column) => fieldOf[column] < 0 ? [] : reader[fieldOf[column]];

    private double? Coordinate(int column, double limit, out bool given)
    {
        var text = Raw(column).Trim();
        given = !text.IsEmpty;
        if (text.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(column, $"'{Shorten(text)}' is not a number");
            return null;
        }

        if (Math.Abs(value) > limit)
        {
            Fail(column, string.Create(CultureInfo.InvariantCulture, $"{value} is outside ±{limit} degrees"));
            return null;
        }

        return value;
    }

    private static string Pool(Dictionary<string, string> pool, ReadOnlySpan<char> text, int capacity)
    {
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = text.ToString();
        if (pool.Count < capacity)
        {
            pool[value] = value;
        }

        return value;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
