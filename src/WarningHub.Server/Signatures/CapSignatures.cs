using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Signatures;

/// <summary>
/// The certificates of the hub's agencies (Hub:Agencies:N:Certificate) and the hub's own signing key
/// (Hub:SigningCertificate, Hub:SigningKey), loaded once at start-up after <see cref="SignatureOptionsValidator"/>
/// checked that they load.
/// </summary>
public sealed class CapSignatures
{
    private readonly Dictionary<string, (X509Certificate2? Certificate, bool Required)> _agencies = new(StringComparer.Ordinal);

    public CapSignatures(IOptions<HubOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hub = options.Value;
        foreach (var agency in hub.Agencies)
        {
            _agencies[agency.Name] = (string.IsNullOrWhiteSpace(agency.Certificate) ? null : LoadCertificate(agency.Certificate), agency.SignatureRequired);
        }

        if (!string.IsNullOrWhiteSpace(hub.SigningCertificate) && !string.IsNullOrWhiteSpace(hub.SigningKey))
        {
            Signer = new CapSigner(LoadSigning(hub.SigningCertificate, hub.SigningKey));
        }
    }

    /// <summary>Signs the CAP the hub composes; null when no signing key is configured.</summary>
    public CapSigner? Signer { get; }

    /// <summary>
    /// The check of a submission by <paramref name="agency"/>: <paramref name="xml"/> is the received CAP XML, null for
    /// JSON (which carries no XML signature). Refused when the signature is bad, or missing while the agency must sign.
    /// </summary>
    public SignatureCheck Check(string agency, byte[]? xml)
    {
        var (certificate, required) = _agencies.TryGetValue(agency, out var a) ? a : (null, false);
        if (xml is null)
        {
            return required ? SignatureCheck.Refused("this agency must sign its warnings: submit signed CAP XML, not JSON") : SignatureCheck.Unsigned;
        }

        var check = CapSignatureVerifier.Check(xml, certificate);
        return check.State == SignatureState.Unsigned && required
            ? SignatureCheck.Refused("this agency must sign its warnings, and the document has no signature")
            : check;
    }

    /// <summary>A certificate from inline PEM or a file (PEM or DER).</summary>
    public static X509Certificate2 LoadCertificate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(value)
            : X509CertificateLoader.LoadCertificateFromFile(value);
    }

    /// <summary>The hub's certificate (PEM file) with its private key (PEM file).</summary>
    public static X509Certificate2 LoadSigning(string certificateFile, string keyFile) => X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

    /// <summary>Why a certificate setting is unusable, or null.</summary>
    internal static string? ProblemOf(Func<X509Certificate2> load, bool needsPrivateKey)
    {
        try
        {
            using var certificate = load();
            using var rsa = needsPrivateKey ? certificate.GetRSAPrivateKey() : certificate.GetRSAPublicKey();
            return rsa is null ? (needsPrivateKey ? "has no RSA private key" : "has no RSA key (RSA-SHA256 signatures are verified)") : null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "cannot be read: " + ex.Message;
        }
    }
}
