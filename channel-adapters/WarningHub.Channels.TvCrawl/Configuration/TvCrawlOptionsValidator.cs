using Microsoft.Extensions.Options;

namespace WarningHub.Channels.TvCrawl;

/// <summary>Checks <see cref="TvCrawlOptions"/> at start-up and reports every problem at once, naming each setting.</summary>
public sealed class TvCrawlOptionsValidator : IValidateOptions<TvCrawlOptions>
{
    /// <summary>Longest caption a channel may ask for.</summary>
    public const int MaxCaptionLength = 2000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TvCrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PushTimeout < TimeSpan.FromMilliseconds(100) || options.PushTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{nameof(TvCrawlOptions.PushTimeout)} must be between 100 ms and 5 minutes (was {options.PushTimeout}).");
        if (options.MaxInFlight is < 1 or > 64)
            failures.Add($"{nameof(TvCrawlOptions.MaxInFlight)} must be between 1 and 64 (was {options.MaxInFlight}).");
        for (var i = 0; i < options.Channels.Count; i++)
        {
            var c = options.Channels[i];
            var at = $"{nameof(TvCrawlOptions.Channels)}[{i}]";
            if (!IsName(c.Name))
                failures.Add($"{at}.{nameof(TvChannelOptions.Name)} must be 1 to 64 letters, digits, '-' or '_' (was '{c.Name}').");
            if (c.MaxLength is < CaptionComposer.MinLength or > MaxCaptionLength)
                failures.Add($"{at}.{nameof(TvChannelOptions.MaxLength)} must be between {CaptionComposer.MinLength} and {MaxCaptionLength} (was {c.MaxLength}).");
            if (c.PushUrl is not null && !IsHttpUrl(c.PushUrl))
                failures.Add($"{at}.{nameof(TvChannelOptions.PushUrl)} must be an absolute http or https URL (was '{c.PushUrl}').");
            if (!Enum.IsDefined(c.Profile))
                failures.Add($"{at}.{nameof(TvChannelOptions.Profile)} must be {string.Join(" or ", Enum.GetNames<TvPushProfile>())}.");
            if (c.CallbackSecret is { Length: < 16 })
                failures.Add($"{at}.{nameof(TvChannelOptions.CallbackSecret)} must be at least 16 characters.");
        }
        foreach (var g in options.Channels.Where(c => c.Name.Length > 0).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"{nameof(TvCrawlOptions.Channels)}: the name '{g.Key}' is used {g.Count()} times.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
