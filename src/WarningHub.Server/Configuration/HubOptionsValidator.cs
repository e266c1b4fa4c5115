using Microsoft.Extensions.Options;
using WarningHub.Core.Registry;

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
            foreach (var area in a.Areas.Where(c => !DivisionCode.TryGetPrefix(c, out _)))
                failures.Add($"{at}.{nameof(AgencyOptions.Areas)}: '{area}' is not a division code (6, 9 or 12 digits).");
            if (a.Events.Any(string.IsNullOrWhiteSpace)) failures.Add($"{at}.{nameof(AgencyOptions.Events)}: an event type is empty.");
            if (a.Webhook is { } hook) failures.AddRange(WebhookProblems(hook, $"{at}.{nameof(AgencyOptions.Webhook)}"));
        }
        var u = options.Users;
        if (u.MaxFailedSignIns is < 1 or > 100) failures.Add($"{nameof(HubOptions.Users)}.{nameof(UserOptions.MaxFailedSignIns)} must be 1..100 (was {u.MaxFailedSignIns}).");
        if (u.LockOutFor <= TimeSpan.Zero) failures.Add($"{nameof(HubOptions.Users)}.{nameof(UserOptions.LockOutFor)} must be positive.");
        if (u.SessionLifetime <= TimeSpan.Zero || u.SessionLifetime > TimeSpan.FromDays(7))
            failures.Add($"{nameof(HubOptions.Users)}.{nameof(UserOptions.SessionLifetime)} must be positive and at most 7 days (was {u.SessionLifetime}).");
        var duplicateKeys = options.Agencies.GroupBy(a => a.ApiKey, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1);
        foreach (var g in duplicateKeys) failures.Add($"{nameof(HubOptions.Agencies)}: agencies {string.Join(", ", g.Select(a => a.Name))} share one {nameof(AgencyOptions.ApiKey)}.");
        // An agency reads the warnings submitted under its name: two agencies of one name would read each other's.
        var duplicateNames = options.Agencies.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1);
        foreach (var g in duplicateNames) failures.Add($"{nameof(HubOptions.Agencies)}: {g.Count()} agencies are named '{g.Key}'; names must differ.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> WebhookProblems(WebhookOptions hook, string at)
    {
        if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
            yield return $"{at}.{nameof(WebhookOptions.Url)}: '{hook.Url}' must be an absolute https address (http only on loopback).";
        if (hook.Secret.Length < 16) yield return $"{at}.{nameof(WebhookOptions.Secret)} must be at least 16 characters.";
    }
}
