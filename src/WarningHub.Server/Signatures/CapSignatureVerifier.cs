using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace WarningHub.Server.Signatures;

/// <summary>
/// Checks the enveloped XML signature of a CAP document against an agency's certificate. Only the profile CAP 1.2
/// describes is accepted, so that what was verified is exactly the alert that is disseminated: one <c>ds:Signature</c>,
/// the last child of <c>alert</c>, RSA-SHA256 over exclusive C14N, one reference with <c>URI=""</c> (the whole document,
/// whose root is the alert: no wrapping, no references by id, nothing external), transforms enveloped-signature and
/// exclusive C14N only, digest SHA-256. The key is the configured certificate's, never one the document carries.
/// </summary>
public static class CapSignatureVerifier
{
    public const string CapNamespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string DsNamespace = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>The outcome for a document: unsigned, valid, or refused with the reason.</summary>
    public static SignatureCheck Check(byte[] document, X509Certificate2? certificate)
    {
        ArgumentNullException.ThrowIfNull(document);
        XmlDocument xml;
        try
        {
            xml = Load(document);
        }
        catch (XmlException ex)
        {
            return SignatureCheck.Refused("the document could not be read for its signature: " + ex.Message);
        }

        var root = xml.DocumentElement;
        if (root is null || root.LocalName != "alert" || root.NamespaceURI != CapNamespace)
            return SignatureCheck.Refused("the document's root is not a CAP 1.2 alert");
        var signatures = xml.GetElementsByTagName("Signature", DsNamespace).OfType<XmlElement>().ToList();
        if (signatures.Count == 0) return SignatureCheck.Unsigned;
        if (signatures.Count > 1) return SignatureCheck.Refused($"{signatures.Count} signatures; exactly one, signing the alert, is accepted");
        var signature = signatures[0];
        if (signature.ParentNode != root) return SignatureCheck.Refused("the signature is not a child of alert (an enveloped signature of the alert itself is required)");
        if (certificate is null) return SignatureCheck.Refused("the document is signed but no certificate is configured for this agency to verify it with");

        var signed = new SignedXml(xml);
        try
        {
            signed.LoadXml(signature);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Refused("the signature is malformed: " + ex.Message);
        }

        if (ProfileProblem(signed.SignedInfo!) is { } problem) return SignatureCheck.Refused(problem);
        using var key = certificate.GetRSAPublicKey();
        if (key is null) return SignatureCheck.Refused("the agency's certificate has no RSA key");
        bool valid;
        try
        {
            valid = signed.CheckSignature(key);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Refused("the signature could not be checked: " + ex.Message);
        }

        return valid
            ? SignatureCheck.Valid
            : SignatureCheck.Refused("the signature does not match: the document was changed after signing, or signed with another key than the agency's certificate");
    }

    /// <summary>Why the signed info is outside the accepted profile, or null.</summary>
    private static string? ProfileProblem(SignedInfo info)
    {
        if (info.CanonicalizationMethod != SignedXml.XmlDsigExcC14NTransformUrl)
            return $"canonicalization must be exclusive C14N ({SignedXml.XmlDsigExcC14NTransformUrl}), not {info.CanonicalizationMethod}";
        if (info.SignatureMethod != SignedXml.XmlDsigRSASHA256Url)
            return $"the signature method must be RSA-SHA256 ({SignedXml.XmlDsigRSASHA256Url}), not {info.SignatureMethod}";
        if (info.References.Count != 1) return $"{info.References.Count} references; exactly one, to the whole alert (URI=\"\"), is accepted";
        var reference = (Reference)info.References[0]!;
        if (reference.Uri != "") return $"the reference's URI is '{reference.Uri}'; only URI=\"\" (the alert itself) is accepted";
        if (reference.DigestMethod != SignedXml.XmlDsigSHA256Url) return $"the digest must be SHA-256, not {reference.DigestMethod}";
        var transforms = Enumerable.Range(0, reference.TransformChain.Count).Select(i => reference.TransformChain[i].Algorithm).ToList();
        var allowed = transforms.Count switch
        {
            1 => transforms[0] == SignedXml.XmlDsigEnvelopedSignatureTransformUrl,
            2 => transforms[0] == SignedXml.XmlDsigEnvelopedSignatureTransformUrl && transforms[1] == SignedXml.XmlDsigExcC14NTransformUrl,
            _ => false,
        };
        return allowed ? null : $"the transforms must be enveloped-signature then exclusive C14N, not {string.Join(", ", transforms)}";
    }

    /// <summary>Loads without DTDs or resolvers and keeps whitespace, which the signature covers.</summary>
    internal static XmlDocument Load(byte[] document)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1 };
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(document, writable: false), settings);
        xml.Load(reader);
        return xml;
    }
}

/// <summary>What <see cref="CapSignatureVerifier.Check"/> found.</summary>
/// <param name="State">Unsigned, valid or refused.</param>
/// <param name="Problem">Why it was refused.</param>
public sealed record SignatureCheck(SignatureState State, string? Problem = null)
{
    public static readonly SignatureCheck Unsigned = new(SignatureState.Unsigned);
    public static readonly SignatureCheck Valid = new(SignatureState.Valid);

    public static SignatureCheck Refused(string problem) => new(SignatureState.Refused, problem);
}

/// <summary>The three outcomes of checking a document's signature.</summary>
public enum SignatureState
{
    /// <summary>No signature at all.</summary>
    Unsigned,

    /// <summary>One signature in the accepted profile, made with the agency's key over this very alert.</summary>
    Valid,

    /// <summary>A signature that is malformed, outside the profile, of another key or of other content.</summary>
    Refused,
}
