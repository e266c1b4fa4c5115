using Microsoft.Extensions.Options;

namespace WarningHub.Server.Configuration;

/// <summary>Turns the failures of resolving one section's options into start-up errors that name the section.</summary>
internal static class SettingErrors
{
    /// <param name="errors">Where the errors go.</param>
    /// <param name="section">The section's path under "WarningHub" (for example "Loudspeakers:Ip:county").</param>
    /// <param name="resolve">Resolves the options, which binds and validates them.</param>
    public static void Collect(List<string> errors, string section, Func<object> resolve)
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
            // The binder names the unknown key; inside a dictionary (serial ports) only the inner exception does.
            var messages = new List<string>();
            for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
            errors.Add($"{at}: {string.Join(" ", messages)}");
        }
    }
}
