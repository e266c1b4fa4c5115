namespace WarningHub.Channels.Sms.Common.Text;

/// <summary>Chinese operators expect a signature in 【】; it is added once, never twice.</summary>
internal static class Signature
{
    public static string Apply(string text, string? signature) =>
        string.IsNullOrEmpty(signature) || text.StartsWith(signature, StringComparison.Ordinal) ? text : signature + text;
}
