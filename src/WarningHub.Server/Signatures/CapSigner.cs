using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace WarningHub.Server.Signatures;

/// <summary>
/// Signs CAP the hub composes itself (the stored form of a warning submitted as JSON, served at
/// <c>/api/v1/warnings/{id}.cap</c>) with the hub's own key, in the profile <see cref="CapSignatureVerifier"/> accepts:
/// enveloped, RSA-SHA256, exclusive C14N, one reference to the whole alert, the certificate in KeyInfo for readers who
/// do not know it yet. RSA PKCS#1 v1.5 is deterministic, so the same warning always serves the same bytes.
/// </summary>
public sealed class CapSigner(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public byte[] Sign(string capXml)
    {
        ArgumentNullException.ThrowIfNull(capXml);
        var xml = CapSignatureVerifier.Load(Encoding.UTF8.GetBytes(capXml));
        using var key = Certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The hub's signing certificate has no RSA private key.");
        var signed = new SignedXml(xml) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(Certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        xml.DocumentElement!.AppendChild(xml.ImportNode(signed.GetXml(), deep: true));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.Save(writer);
        }
        return output.ToArray();
    }
}
