using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WarningHub.Server.Configuration;

/// <summary>Turns the failures of resolving one section's options into start-up errors that name the section.</summary>
internal static class SettingErrors
{
    /// <param name="errors">Where the errors go.</param>
    /// <param name="section">The section's path under "WarningHub" (for example "Loudspeakers:Ip:county").</param>
    /// <param name="bound">The configuration the options are bound from: when the binder refuses it, every refused key is listed.</param>
    /// <param name="resolve">Resolves the options, which binds and validates them.</param>
    public static void Collect<T>(List<string> errors, string section, IConfiguration bound, Func<T> resolve)
    {
        var at = $"{HubConfiguration.Root}:{section}";
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            // Validators that start with their own section's name ("Audio: Rate …") would say it twice.
            var own = section[(section.LastIndexOf(':') + 1)..] + ": ";
            errors.AddRange(ex.Failures.Select(f => $"{at}: {(f.StartsWith(own, StringComparison.Ordinal) ? f[own.Length..] : f)}"));
        }
        catch (InvalidOperationException ex)
        {
            // The binder stops at the first key it refuses; list every one of the section instead.
            var refused = BindingErrors.Of(typeof(T), bound);
            if (refused.Count > 0)
            {
                // "WarningHub:Sms:Smpp:county: Port: 'x' is not a valid whole number", like the validators' lines.
                var prefix = (bound as IConfigurationSection)?.Path is { Length: > 0 } path ? path + ":" : "";
                errors.AddRange(refused.Select(r => $"{at}: {(r.StartsWith(prefix, StringComparison.Ordinal) ? r[prefix.Length..] : r)}"));
                return;
            }

            // The binder names the unknown key; inside a dictionary (serial ports) only the inner exception does.
            var messages = new List<string>();
            for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
            errors.Add($"{at}: {string.Join(" ", messages)}");
        }
    }
}
