namespace WarningHub.Core.Cap;

/// <summary>
/// This hub's limits on single CAP fields, checked by <see cref="CapValidator.Validate"/>. CAP sets none, but a
/// warning is read by people on phones, loudspeakers and TV captions: a field far past these is a broken or
/// hostile sender, not a warning. Text lengths count UTF-16 characters (a Chinese character is one).
/// The whole document is bounded apart from these by <see cref="CapReadOptions.MaxDocumentLength"/>.
/// </summary>
public static class CapLimits
{
    /// <summary>identifier and sender: CAP identifiers are short tokens.</summary>
    public const int Token = 256;

    /// <summary>note (alert).</summary>
    public const int Note = 2_000;

    /// <summary>references: earlier messages named by one Update or Cancel.</summary>
    public const int References = 100;

    /// <summary>info blocks per alert: one per language, or per event and area.</summary>
    public const int Infos = 16;

    /// <summary>event, e.g. 暴雨 or Rainstorm.</summary>
    public const int Event = 128;

    /// <summary>senderName.</summary>
    public const int SenderName = 256;

    /// <summary>headline: CAP asks for less than 160 characters (it is what an SMS starts with).</summary>
    public const int Headline = 160;

    /// <summary>description and instruction.</summary>
    public const int LongText = 8_000;

    /// <summary>contact and web.</summary>
    public const int Contact = 2_000;

    /// <summary>parameter elements per info.</summary>
    public const int Parameters = 100;

    /// <summary>area elements per info (one per village of a county still fits).</summary>
    public const int Areas = 500;

    /// <summary>areaDesc: a list of towns and villages in words.</summary>
    public const int AreaDesc = 2_000;

    /// <summary>geocode elements per area (every village code of a county still fits).</summary>
    public const int Geocodes = 1_000;

    /// <summary>polygon elements per area, and circle elements per area.</summary>
    public const int Shapes = 100;

    /// <summary>points per polygon (a detailed town boundary still fits).</summary>
    public const int PolygonPoints = 5_000;
}
