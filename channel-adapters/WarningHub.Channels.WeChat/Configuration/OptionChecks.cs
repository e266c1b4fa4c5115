namespace WarningHub.Channels.WeChat;

/// <summary>Checks shared by the validators; each reports through the validator's own failure list.</summary>
internal static class OptionChecks
{
    public static void Required(string? value, string property, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(property, "is required.");
        }
        else if (value.Any(char.IsWhiteSpace))
        {
            fail(property, "must not contain white space.");
        }
    }

    public static void HttpBase(Uri? value, string property, Action<string, string> fail)
    {
        if (value is null || !value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            fail(property, "must be an absolute http or https URL.");
        }
        else if (!string.IsNullOrEmpty(value.Query) || !string.IsNullOrEmpty(value.Fragment))
        {
            fail(property, "must not carry a query or fragment.");
        }
    }

    public static void Range(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max)
        {
            fail(property, $"must be between {min} and {max}.");
        }
    }

    public static void Range(TimeSpan value, TimeSpan min, TimeSpan max, string property, Action<string, string> fail)
    {
        if (value < min || value > max)
        {
            fail(property, $"must be between {min} and {max}.");
        }
    }
}
