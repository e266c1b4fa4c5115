namespace WarningHub.Core.Cap;

/// <summary>Quoting of values inside problem reasons.</summary>
internal static class CapText
{
    /// <summary>Keeps a quoted value short: a hostile document must not turn a problem list into a copy of itself.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
