using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Smgp;

/// <summary>Checks <see cref="SmgpOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class SmgpOptionsValidator : IValidateOptions<SmgpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmgpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"SMGP gateway '{name}': {property} {problem}");

        if (string.IsNullOrWhiteSpace(options.Host)) Fail(nameof(options.Host), "is required.");
        if (options.Port is < 1 or > 65535) Fail(nameof(options.Port), "must be between 1 and 65535.");
        CheckText(options.ClientId, 8, required: true, nameof(options.ClientId), Fail);
        CheckText(options.SharedSecret, 64, required: true, nameof(options.SharedSecret), Fail);
        CheckText(options.SpId, 8, required: false, nameof(options.SpId), Fail);
        CheckText(options.ServiceId, 10, required: false, nameof(options.ServiceId), Fail);
        if (string.IsNullOrEmpty(options.SrcTermId)) Fail(nameof(options.SrcTermId), "is required (the access number).");
        else if (options.SrcTermId.Length > 21 || options.SrcTermId.Any(c => c is < '0' or > '9')) Fail(nameof(options.SrcTermId), "must be at most 21 digits.");
        if (options.Signature is { Length: > 20 }) Fail(nameof(options.Signature), "must be at most 20 characters.");

        CheckRange(options.Binds, 1, 64, nameof(options.Binds), Fail);
        CheckRange(options.Window, 1, 1024, nameof(options.Window), Fail);
        CheckRange(options.RateLimitPerSecond, 0, 1_000_000, nameof(options.RateLimitPerSecond), Fail);
        CheckRange(options.MaxParts, 1, 255, nameof(options.MaxParts), Fail);
        CheckRange(options.MaxResends, 0, 10, nameof(options.MaxResends), Fail);
        CheckRange(options.ThrottleMaxAttempts, 1, 10_000, nameof(options.ThrottleMaxAttempts), Fail);

        CheckPositive(options.ConnectTimeout, nameof(options.ConnectTimeout), Fail);
        CheckPositive(options.ResponseTimeout, nameof(options.ResponseTimeout), Fail);
        CheckPositive(options.ActiveTestInterval, nameof(options.ActiveTestInterval), Fail);
        CheckPositive(options.ReconnectMin, nameof(options.ReconnectMin), Fail);
        CheckPositive(options.ReconnectMax, nameof(options.ReconnectMax), Fail);
        CheckPositive(options.ThrottlePause, nameof(options.ThrottlePause), Fail);
        if (options.ReconnectMax < options.ReconnectMin) Fail(nameof(options.ReconnectMax), $"must not be shorter than {nameof(options.ReconnectMin)}.");
        if (options.SmgwUtcOffset < TimeSpan.FromHours(-14) || options.SmgwUtcOffset > TimeSpan.FromHours(14))
        {
            Fail(nameof(options.SmgwUtcOffset), "must be between -14 and +14 hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckText(string value, int width, bool required, string property, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) fail(property, "is required.");
        }
        else if (value.Length > width || !value.All(c => c is >= ' ' and <= '~'))
        {
            fail(property, $"must be at most {width} printable ASCII characters.");
        }
    }

    private static void CheckRange(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max) fail(property, $"must be between {min} and {max}.");
    }

    private static void CheckPositive(TimeSpan value, string property, Action<string, string> fail)
    {
        if (value <= TimeSpan.Zero) fail(property, "must be positive.");
    }
}
