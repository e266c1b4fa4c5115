namespace WarningHub.Core.Cap;

/// <summary>
/// A CAP <c>valueName</c>/<c>value</c> pair, used by <c>eventCode</c>, <c>parameter</c> and <c>geocode</c>.
/// </summary>
public sealed record CapNamedValue(string ValueName, string Value);

/// <summary>The value names this hub gives meaning to.</summary>
public static class CapValueNames
{
    /// <summary>
    /// Geocode holding a 12-digit division code (统计用区划代码), e.g. 511124000000 for the whole of
    /// Jingyan county or 511124100000 for one of its towns.
    /// </summary>
    public const string DivisionCode = "行政区划代码";

    /// <summary>Parameter holding the warning level as a colour word (红色, 橙色, 黄色, 蓝色).</summary>
    public const string WarningLevelZh = "预警级别";

    /// <summary>Parameter holding the warning level in English (Red, Orange, Yellow, Blue).</summary>
    public const string WarningLevel = "warningLevel";
}
