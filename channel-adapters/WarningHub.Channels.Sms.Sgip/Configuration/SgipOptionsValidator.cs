using System.Net;
using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Sgip;

/// <summary>Checks <see cref="SgipOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class SgipOptionsValidator : IValidateOptions<SgipOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SgipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"SGIP gateway '{name}': {property} {problem}");

        if (string.IsNullOrWhiteSpace(options.Host)) Fail(nameof(options.Host), "is required.");
        if (options.Port is < 1 or > 65535) Fail(nameof(options.Port), "must be between 1 and 65535.");
        CheckText(options.LoginName, 16, required: true, nameof(options.LoginName), Fail);
        CheckText(options.LoginPassword, 16, required: true, nameof(options.LoginPassword), Fail);
        CheckText(options.SmgLoginName, 16, required: false, nameof(options.SmgLoginName), Fail);
        CheckText(options.SmgLoginPassword, 16, required: false, nameof(options.SmgLoginPassword), Fail);
        if (string.IsNullOrEmpty(options.SpNumber)) Fail(nameof(options.SpNumber), "is required (the access number).");
        else if (options.SpNumber.Length > 21 || !IsDigits(options.SpNumber)) Fail(nameof(options.SpNumber), "must be at most 21 digits.");
        if (string.IsNullOrEmpty(options.CorpId)) Fail(nameof(options.CorpId), "is required (the 5-digit corporation code).");
        else if (options.CorpId.Length != 5 || !IsDigits(options.CorpId)) Fail(nameof(options.CorpId), "must be 5 digits.");
        CheckText(options.ServiceType, 10, required: false, nameof(options.ServiceType), Fail);
        if (options.NodeId is < 0 or > uint.MaxValue) Fail(nameof(options.NodeId), $"must be between 0 and {uint.MaxValue}.");
        if (options.ReportFlag is < 0 or > 2) Fail(nameof(options.ReportFlag), "must be 0 (on failure), 1 (always) or 2 (never).");
        if (!IPAddress.TryParse(options.ListenAddress, out _)) Fail(nameof(options.ListenAddress), "must be an IP address, such as 0.0.0.0 or 127.0.0.1.");
        if (options.ListenPort is < 0 or > 65535) Fail(nameof(options.ListenPort), "must be between 0 and 65535.");
        if (options.Signature is { Length: > 20 }) Fail(nameof(options.Signature), "must be at most 20 characters.");

        CheckRange(options.Binds, 1, 64, nameof(options.Binds), Fail);
        CheckRange(options.Window, 1, 1024, nameof(options.Window), Fail);
        CheckRange(options.RateLimitPerSecond, 0, 1_000_000, nameof(options.RateLimitPerSecond), Fail);
        CheckRange(options.MaxParts, 1, 255, nameof(options.MaxParts), Fail);
        CheckRange(options.MaxResends, 0, 10, nameof(options.MaxResends), Fail);
        CheckRange(options.ThrottleMaxAttempts, 1, 10_000, nameof(options.ThrottleMaxAttempts), Fail);

        CheckPositive(options.ConnectTimeout, nameof(options.ConnectTimeout), Fail);
        CheckPositive(options.ResponseTimeout, nameof(options.ResponseTimeout), Fail);
        CheckPositive(options.IdleTimeout, nameof(options.IdleTimeout), Fail);
        CheckPositive(options.ReconnectMin, nameof(options.ReconnectMin), Fail);
        CheckPositive(options.ReconnectMax, nameof(options.ReconnectMax), Fail);
        CheckPositive(options.ThrottlePause, nameof(options.ThrottlePause), Fail);
        if (options.ReconnectMax < options.ReconnectMin) Fail(nameof(options.ReconnectMax), $"must not be shorter than {nameof(options.ReconnectMin)}.");
        if (options.SmgUtcOffset < TimeSpan.FromHours(-14) || options.SmgUtcOffset > TimeSpan.FromHours(14))
        {
            Fail(nameof(options.SmgUtcOffset), "must be between -14 and +14 hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDigits(string value) => value.All(c => c is >= '0' and <= '9');

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
