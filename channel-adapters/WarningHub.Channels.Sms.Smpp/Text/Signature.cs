namespace WarningHub.Channels.Sms.Smpp.Text;

/// <summary>Chinese operators expect the sender's signature in 【】 at the start, e.g. 【井研县应急管理局】.</summary>
internal static class Signature
{
    /// <summary>Prefixes <paramref name="signature"/> unless the text already starts with it.</summary>
    public static string Apply(string text, string? signature) =>
        string.IsNullOrEmpty(signature) || text.StartsWith(signature, StringComparison.Ordinal)
            ? text
            : signature + text;
}
