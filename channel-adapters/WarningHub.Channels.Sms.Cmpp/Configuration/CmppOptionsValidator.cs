using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>Checks <see cref="CmppOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class CmppOptionsValidator : IValidateOptions<CmppOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CmppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"CMPP gateway '{name}': {property} {problem}");

        if (string.IsNullOrWhiteSpace(options.Host)) Fail(nameof(options.Host), "is required.");
        if (options.Port is < 1 or > 65535) Fail(nameof(options.Port), "must be between 1 and 65535.");
        if (options.Version is not (2 or 3)) Fail(nameof(options.Version), "must be 2 (CMPP 2.0) or 3 (CMPP 3.0).");
        if (string.IsNullOrEmpty(options.SourceAddr)) Fail(nameof(options.SourceAddr), "is required (the 6-character SP id).");
        else if (options.SourceAddr.Length != 6 || !IsPrintableAscii(options.SourceAddr)) Fail(nameof(options.SourceAddr), "must be 6 printable ASCII characters (the SP id).");
        if (string.IsNullOrEmpty(options.SharedSecret)) Fail(nameof(options.SharedSecret), "is required.");
        else if (!IsPrintableAscii(options.SharedSecret)) Fail(nameof(options.SharedSecret), "must be printable ASCII.");
        if (options.ServiceId.Length > 10 || !IsPrintableAscii(options.ServiceId)) Fail(nameof(options.ServiceId), "must be at most 10 printable ASCII characters.");
        if (string.IsNullOrEmpty(options.SrcId)) Fail(nameof(options.SrcId), "is required (the access number).");
        else if (options.SrcId.Length > 21 || options.SrcId.Any(c => c is < '0' or > '9')) Fail(nameof(options.SrcId), "must be at most 21 digits.");
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
        if (options.IsmgUtcOffset < TimeSpan.FromHours(-14) || options.IsmgUtcOffset > TimeSpan.FromHours(14))
        {
            Fail(nameof(options.IsmgUtcOffset), "must be between -14 and +14 hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    private static void CheckRange(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max) fail(property, $"must be between {min} and {max}.");
    }

    private static void CheckPositive(TimeSpan value, string property, Action<string, string> fail)
    {
        if (value <= TimeSpan.Zero) fail(property, "must be positive.");
    }
}
