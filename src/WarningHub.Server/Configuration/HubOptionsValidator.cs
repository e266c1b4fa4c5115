using Microsoft.Extensions.Options;

namespace WarningHub.Server.Configuration;

/// <summary>Lists every problem of the hub settings at start-up, naming the setting.</summary>
public sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath)) failures.Add($"{nameof(HubOptions.DatabasePath)} is required.");
        if (options.MaxRequestBytes is < 1024 or > 64 * 1024 * 1024)
            failures.Add($"{nameof(HubOptions.MaxRequestBytes)} must be between 1 KiB and 64 MiB (was {options.MaxRequestBytes}).");
        if (options.Agencies.Count == 0) failures.Add($"{nameof(HubOptions.Agencies)}: at least one agency is needed to submit warnings.");
        for (var i = 0; i < options.Agencies.Count; i++)
        {
            var a = options.Agencies[i];
            var at = $"{nameof(HubOptions.Agencies)}[{i}]";
            if (string.IsNullOrWhiteSpace(a.Name)) failures.Add($"{at}.{nameof(AgencyOptions.Name)} is required.");
            if (a.ApiKey.Length < 16) failures.Add($"{at}.{nameof(AgencyOptions.ApiKey)} must be at least 16 characters.");
        }
        var duplicateKeys = options.Agencies.GroupBy(a => a.ApiKey, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1);
        foreach (var g in duplicateKeys) failures.Add($"{nameof(HubOptions.Agencies)}: agencies {string.Join(", ", g.Select(a => a.Name))} share one {nameof(AgencyOptions.ApiKey)}.");
        // An agency reads the warnings submitted under its name: two agencies of one name would read each other's.
        var duplicateNames = options.Agencies.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1);
        foreach (var g in duplicateNames) failures.Add($"{nameof(HubOptions.Agencies)}: {g.Count()} agencies are named '{g.Key}'; names must differ.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
