namespace WarningHub.Core.Registry;

/// <summary>
/// Administrative division codes (统计用区划代码): province 2 + city 2 + county 2 + town 3 + village 3 digits.
/// A target may name any level, either by its significant prefix ("511124", "511124101") or as a 12-digit code
/// padded with zeros ("511124000000", "511124101000").
/// </summary>
public static class DivisionCode
{
    /// <summary>Length of a full code.</summary>
    public const int Length = 12;

    /// <summary>True when <paramref name="code"/> is exactly 12 ASCII digits.</summary>
    public static bool IsFull(string? code) => code is { Length: Length } && AllDigits(code);

    /// <summary>
    /// Reduces a code of any level to its significant prefix: 2 (province), 4 (city), 6 (county), 9 (town)
    /// or 12 (village) digits. Trailing zero groups of a 12-digit code are dropped, so "511124101000" gives
    /// "511124101" and "511124000000" gives "511124".
    /// </summary>
    /// <returns>False when the code is not 2, 4, 6, 9 or 12 digits.</returns>
    public static bool TryGetPrefix(string? code, out string prefix)
    {
        prefix = string.Empty;
        if (code is null || code.Length is not (2 or 4 or 6 or 9 or 12) || !AllDigits(code))
        {
            return false;
        }

        var length = code.Length;
        if (length == 12 && IsZeros(code.AsSpan(9, 3)))
        {
            length = 9;
        }

        if (length == 9 && IsZeros(code.AsSpan(6, 3)))
        {
            length = 6;
        }

        if (length == 6 && IsZeros(code.AsSpan(4, 2)))
        {
            length = 4;
        }

        if (length == 4 && IsZeros(code.AsSpan(2, 2)))
        {
            length = 2;
        }

        prefix = length == code.Length ? code : code[..length];
        return true;
    }

    /// <summary>Like <see cref="TryGetPrefix"/> but throws a <see cref="FormatException"/> naming the code.</summary>
    public static string GetPrefix(string code)
    {
        return TryGetPrefix(code, out var prefix)
            ? prefix
            : throw new FormatException(
                $"'{code}' is not a division code: expected 2, 4, 6, 9 or 12 digits (province, city, county, town, village).");
    }

    /// <summary>Pads a significant prefix back to a full 12-digit code ("511124" gives "511124000000").</summary>
    public static string ToFull(string code) => GetPrefix(code).PadRight(Length, '0');

    /// <summary>The 12-digit code of the town a village (or town) code belongs to.</summary>
    public static string TownCodeOf(string villageCode)
    {
        if (!IsFull(villageCode))
        {
            throw new FormatException($"'{villageCode}' is not a 12-digit village code.");
        }

        return string.Concat(villageCode.AsSpan(0, 9), "000");
    }

    /// <summary>The level a full 12-digit code denotes by its shape, or null if it is above the county.</summary>
    public static RegionLevel? LevelOf(string fullCode)
    {
        if (!IsFull(fullCode) || IsZeros(fullCode.AsSpan(4, 2)))
        {
            return null;
        }

        if (IsZeros(fullCode.AsSpan(6, 6)))
        {
            return RegionLevel.County;
        }

        return IsZeros(fullCode.AsSpan(9, 3)) ? RegionLevel.Town : RegionLevel.Village;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsZeros(ReadOnlySpan<char> text) => !text.ContainsAnyExcept('0');
}
