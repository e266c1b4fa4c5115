namespace WarningHub.Core.Cap;

/// <summary>
/// Finds the warning level of a CAP info and names levels in Chinese and English.
/// The level parameter (预警级别 or warningLevel) wins over severity, because agencies state the colour
/// explicitly and the severity mapping (Extreme↔红, Severe↔橙, Moderate↔黄, Minor↔蓝) is only our convention.
/// </summary>
public static class WarningLevels
{
    /// <summary>
    /// The level of an info: from its level parameter if present and readable, otherwise from its severity.
    /// Throws <see cref="InvalidOperationException"/> when neither gives one (severity Unknown, no parameter).
    /// </summary>
    public static WarningLevel LevelOf(CapInfo info) =>
        TryGetLevel(info, out var level)
            ? level
            : throw new InvalidOperationException(
                $"The info '{info.Headline ?? info.Event}' has no readable level parameter ({CapValueNames.WarningLevelZh} or "
                + $"{CapValueNames.WarningLevel}) and severity {info.Severity} gives no level.");

    /// <summary>The level of an info, as <see cref="LevelOf"/>, without throwing.</summary>
    public static bool TryGetLevel(CapInfo info, out WarningLevel level)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var parameter in info.Parameters)
        {
            if (parameter.ValueName is CapValueNames.WarningLevelZh or CapValueNames.WarningLevel
                && TryParse(parameter.Value, out level))
            {
                return true;
            }
        }

        return TryFromSeverity(info.Severity, out level);
    }

    /// <summary>
    /// Reads a level written as a colour (红色, 红色预警, 红, Red), or a grade (I, Ⅰ级, IV级, 1).
    /// </summary>
    public static bool TryParse(string? text, out WarningLevel level)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.EndsWith('级'))
        {
            value = value[..^1];
        }

        level = value.ToUpperInvariant() switch
        {
            "RED" or "I" or "Ⅰ" or "1" => WarningLevel.Red,
            "ORANGE" or "II" or "Ⅱ" or "2" => WarningLevel.Orange,
            "YELLOW" or "III" or "Ⅲ" or "3" => WarningLevel.Yellow,
            "BLUE" or "IV" or "Ⅳ" or "4" => WarningLevel.Blue,
            _ when value.StartsWith('红') => WarningLevel.Red,
            _ when value.StartsWith('橙') => WarningLevel.Orange,
            _ when value.StartsWith('黄') => WarningLevel.Yellow,
            _ when value.StartsWith('蓝') => WarningLevel.Blue,
            _ => default,
        };
        return level != default;
    }

    /// <summary>Extreme → Red, Severe → Orange, Moderate → Yellow, Minor → Blue; Unknown gives none.</summary>
    public static bool TryFromSeverity(CapSeverity severity, out WarningLevel level)
    {
        level = severity switch
        {
            CapSeverity.Extreme => WarningLevel.Red,
            CapSeverity.Severe => WarningLevel.Orange,
            CapSeverity.Moderate => WarningLevel.Yellow,
            CapSeverity.Minor => WarningLevel.Blue,
            _ => default,
        };
        return level != default;
    }

    /// <summary>Red → Extreme, Orange → Severe, Yellow → Moderate, Blue → Minor.</summary>
    public static CapSeverity ToSeverity(this WarningLevel level) => level switch
    {
        WarningLevel.Red => CapSeverity.Extreme,
        WarningLevel.Orange => CapSeverity.Severe,
        WarningLevel.Yellow => CapSeverity.Moderate,
        WarningLevel.Blue => CapSeverity.Minor,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a warning level"),
    };

    /// <summary>The colour word used in parameters and headlines: 红色, 橙色, 黄色, 蓝色.</summary>
    public static string ToChineseColour(this WarningLevel level) => Pick(level, "红色", "橙色", "黄色", "蓝色");

    /// <summary>The full Chinese name, e.g. "红色预警（Ⅰ级，特别严重）".</summary>
    public static string ToChineseName(this WarningLevel level) =>
        level.ToChineseColour() + "预警（" + Pick(level, "Ⅰ级，特别严重", "Ⅱ级，严重", "Ⅲ级，较重", "Ⅳ级，一般") + "）";

    /// <summary>The English name, e.g. "Red warning (level I, particularly serious)".</summary>
    public static string ToEnglishName(this WarningLevel level) => Pick(
        level,
        "Red warning (level I, particularly serious)",
        "Orange warning (level II, serious)",
        "Yellow warning (level III, fairly serious)",
        "Blue warning (level IV, general)");

    private static string Pick(WarningLevel level, string red, string orange, string yellow, string blue) => level switch
    {
        WarningLevel.Red => red,
        WarningLevel.Orange => orange,
        WarningLevel.Yellow => yellow,
        WarningLevel.Blue => blue,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a warning level"),
    };
}
