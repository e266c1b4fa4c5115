using System.Text.Json;

namespace WarningHub.Core.Cap;

/// <summary>
/// Reads JSON strings that may not decode. JSON's grammar lets a string hold an escaped lone surrogate
/// ("\ud800") and the parser does not check every UTF-8 sequence inside strings; System.Text.Json then throws
/// when the text is asked for. Here that is a problem at the field's path, not an exception.
/// </summary>
internal static class CapJsonText
{
    public const string Undecodable = "it holds a lone surrogate escape (such as \\ud800) or bytes that are not UTF-8";

    public static bool TryString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    public static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }
}
