using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Voice;

/// <summary>Checks <see cref="VoiceGatewayOptions"/> at start-up and reports every problem at once, each naming its setting.</summary>
public sealed class VoiceGatewayOptionsValidator : IValidateOptions<VoiceGatewayOptions>
{
    /// <summary>Shortest secret accepted: a short HMAC key is guessable offline from one signed request.</summary>
    public const int MinSecretLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VoiceGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var gateway = string.IsNullOrEmpty(name) ? "voice gateway" : $"voice gateway '{name}'";
        void Fail(string setting, string problem) => failures.Add($"{gateway}: {setting} {problem}");

        if (options.Url is null || !options.Url.IsAbsoluteUri || options.Url.Scheme is not ("http" or "https"))
            Fail(nameof(options.Url), "must be an absolute http or https URL.");
        if (options.CallbackUrl is { } callback && (!callback.IsAbsoluteUri || callback.Scheme is not ("http" or "https")))
            Fail(nameof(options.CallbackUrl), "must be an absolute http or https URL.");
        if (!Enum.IsDefined(options.Auth))
            Fail(nameof(options.Auth), "must be Hmac or HeaderKey.");
        if (string.IsNullOrWhiteSpace(options.Secret) || options.Secret.Length < MinSecretLength)
            Fail(nameof(options.Secret), $"must be at least {MinSecretLength} characters: it signs requests and checks the gateway's result callbacks.");
        if (options.Auth == VoiceAuth.HeaderKey)
        {
            if (string.IsNullOrWhiteSpace(options.ApiKey))
                Fail(nameof(options.ApiKey), "must be set when Auth is HeaderKey.");
            if (string.IsNullOrWhiteSpace(options.ApiKeyHeader) || !options.ApiKeyHeader.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                Fail(nameof(options.ApiKeyHeader), "must be a header name: ASCII letters, digits and dashes.");
        }

        if (options.CallerId is null || options.CallerId.Length is < 5 or > 20 || !options.CallerId.All(char.IsAsciiDigit))
            Fail(nameof(options.CallerId), "must be the number shown to the callee (显号): 5 to 20 digits.");
        if (string.IsNullOrWhiteSpace(options.TtsTemplate) || !options.TtsTemplate.Contains("{text}", StringComparison.Ordinal))
            Fail(nameof(options.TtsTemplate), "must contain {text}, where the warning's headline is spoken.");
        if (options.RateLimitPerSecond is < 1 or > 1000)
            Fail(nameof(options.RateLimitPerSecond), $"must be 1..1000 (was {options.RateLimitPerSecond}).");
        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromMinutes(2))
            Fail(nameof(options.Timeout), $"must be 100 ms..2 min (was {options.Timeout}).");
        if (options.MaxCallDuration < TimeSpan.FromSeconds(10) || options.MaxCallDuration > TimeSpan.FromMinutes(10))
            Fail(nameof(options.MaxCallDuration), $"must be 10 s..10 min (was {options.MaxCallDuration}).");
        if (options.PlaybackRepeats is < 1 or > 5)
            Fail(nameof(options.PlaybackRepeats), $"must be 1..5 (was {options.PlaybackRepeats}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
