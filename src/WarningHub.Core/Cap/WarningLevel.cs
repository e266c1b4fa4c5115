namespace WarningHub.Core.Cap;

/// <summary>
/// The Chinese four-level warning scale (预警级别). The numbers are the official grades, so a smaller number
/// is more serious: <c>level &lt;= WarningLevel.Orange</c> reads "orange or worse".
/// </summary>
public enum WarningLevel
{
    /// <summary>红色, I 级, 特别严重 (particularly serious).</summary>
    Red = 1,

    /// <summary>橙色, II 级, 严重 (serious).</summary>
    Orange = 2,

    /// <summary>黄色, III 级, 较重 (fairly serious).</summary>
    Yellow = 3,

    /// <summary>蓝色, IV 级, 一般 (general).</summary>
    Blue = 4,
}
