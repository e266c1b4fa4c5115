using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WarningHub.Server.Configuration;

/// <summary>Turns the failures of resolving one section's options into start-up errors that name the section.</summary>
internal static class SettingErrors
{
    /// <param name="errors">Where the errors go.</param>
    /// <param name="section">The section's path under "WarningHub" (for example "Loudspeakers:Ip:county").</param>
    /// <param name="bound">The configuration the options are bound from: when the binder refuses it, every refused key is listed.</param>
    /// <param name="resolve">Resolves the options, which binds and validates them.</param>
    /// <param name="services">
    /// Where the section's configuration and validators are registered: when the binder refuses the section, the
    /// options are bound again without the refused keys and validated, so one start lists both kinds of error.
    /// </param>
    /// <param name="name">The options' name (a gateway's, an account's); the default name when null.</param>
    public static void Collect<T>(List<string> errors, string section, IConfiguration bound, Func<T> resolve, IServiceProvider? services = null, string? name = null)
        where T : class
    {
        var at = $"{HubConfiguration.Root}:{section}";
        // Validators that start with their own section's name ("Audio: Rate …") would say it twice.
        var own = section[(section.LastIndexOf(':') + 1)..] + ": ";
        string Line(string failure) => $"{at}: {(failure.StartsWith(own, StringComparison.Ordinal) ? failure[own.Length..] : failure)}";
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            errors.AddRange(ex.Failures.Select(Line));
        }
        catch (InvalidOperationException ex)
        {
            // The binder stops at the first key it refuses; list every one of the section instead.
            var refused = BindingErrors.Refused(typeof(T), bound);
            if (refused.Count > 0)
            {
                // "WarningHub:Sms:Smpp:county: Port: 'x' is not a valid whole number", like the validators' lines.
                var prefix = (bound as IConfigurationSection)?.Path is { Length: > 0 } path ? path + ":" : "";
                errors.AddRange(refused.Select(r => r.ToString()).Select(r => $"{at}: {(r.StartsWith(prefix, StringComparison.Ordinal) ? r[prefix.Length..] : r)}"));
                // A refused binding never reached the validator: judge what did bind, so a missing required key
                // is named in the same start as the value that did not convert (issue 9, item 6).
                if (services is not null) errors.AddRange(ValidateLeniently<T>(services, name ?? Options.DefaultName, bound, refused).Select(Line));
                return;
            }

            // The binder names the unknown key; inside a dictionary (serial ports) only the inner exception does.
            var messages = new List<string>();
            for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
            errors.Add($"{at}: {string.Join(" ", messages)}");
        }
    }

    /// <summary>
    /// Runs the options' own set-up with the strict binding replaced by a binding of the section without its refused
    /// keys, then every validator: what the binder would have let the validators see, had the bad keys been absent.
    /// </summary>
    private static List<string> ValidateLeniently<T>(IServiceProvider services, string name, IConfiguration bound, IReadOnlyList<Refusal> refused)
        where T : class
    {
        var failures = new List<string>();
        if (typeof(T).GetConstructor(Type.EmptyTypes) is null) return failures;
        var options = Activator.CreateInstance<T>();
        var lenient = BindingErrors.Without(bound, refused);
        foreach (var setup in services.GetServices<IConfigureOptions<T>>())
        {
            try
            {
                if (setup is IConfigureNamedOptions<T> named) named.Configure(name, options);
                else if (name == Options.DefaultName) setup.Configure(options);
            }
            catch (InvalidOperationException)
            {
                lenient.Bind(options);
            }
            catch (OptionsValidationException)
            {
                // A set-up that reads another section's options (HTTP SMS takes the engine's address): that section's
                // own errors are listed where it is validated.
            }
        }

        foreach (var setup in services.GetServices<IPostConfigureOptions<T>>()) setup.PostConfigure(name, options);
        foreach (var validator in services.GetServices<IValidateOptions<T>>())
        {
            if (validator.Validate(name, options) is { Failed: true, Failures: { } found }) failures.AddRange(found);
        }

        return failures;
    }
}
