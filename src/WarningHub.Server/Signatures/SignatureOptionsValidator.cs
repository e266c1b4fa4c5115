using Microsoft.Extensions.Options;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Signatures;

/// <summary>Checks the signature settings of the hub section at start-up: every certificate loads and fits its use.</summary>
public sealed class SignatureOptionsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Agencies.Count; i++)
        {
            var a = options.Agencies[i];
            var at = $"{nameof(HubOptions.Agencies)}[{i}]";
            if (!string.IsNullOrWhiteSpace(a.Certificate) && CapSignatures.ProblemOf(() => CapSignatures.LoadCertificate(a.Certificate), needsPrivateKey: false) is { } problem)
                failures.Add($"{at}.{nameof(AgencyOptions.Certificate)} {problem}");
            if (a.SignatureRequired && string.IsNullOrWhiteSpace(a.Certificate))
                failures.Add($"{at}.{nameof(AgencyOptions.SignatureRequired)} needs {nameof(AgencyOptions.Certificate)}: the agency's certificate to verify its signatures with.");
        }

        var hasCertificate = !string.IsNullOrWhiteSpace(options.SigningCertificate);
        if (hasCertificate != !string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{nameof(HubOptions.SigningCertificate)} and {nameof(HubOptions.SigningKey)} go together: the certificate and its private key, both PEM files.");
        }
        else if (hasCertificate && CapSignatures.ProblemOf(() => CapSignatures.LoadSigning(options.SigningCertificate!, options.SigningKey!), needsPrivateKey: true) is { } problem)
        {
            failures.Add($"{nameof(HubOptions.SigningCertificate)} {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
