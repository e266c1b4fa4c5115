using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using WarningHub.Server.Signatures;

namespace WarningHub.EndToEnd.Tests.Signatures;

/// <summary>
/// Enveloped XML signatures of CAP (issue 11, item 7): valid, tampered, wrapped, wrong-key and unsigned documents, and
/// xmlsec1 (an independent XML-DSig implementation) as the peer that signs for us and verifies what we sign.
/// </summary>
public sealed class CapSignatureTests : IDisposable
{
    private readonly SigningKeys _agency = new();
    private readonly SigningKeys _stranger = new("CN=somebody else");

    public void Dispose()
    {
        _agency.Dispose();
        _stranger.Dispose();
    }

    private static string Sample => File.ReadAllText(Repo.Sample("red-rainstorm.cap.xml"));

    [Fact]
    public void ASignedAlert_VerifiesAgainstItsAgencysCertificate()
    {
        var signed = Sign(_agency, Sample);

        Assert.Equal(SignatureCheck.Valid, CapSignatureVerifier.Check(signed, _agency.Certificate));
    }

    [Fact]
    public void AnAlertChangedAfterSigning_IsRefused()
    {
        var signed = Sign(_agency, Sample);
        var tampered = Spoil.Replace(signed, "<severity>Extreme</severity>", "<severity>Minor</severity>");

        var check = CapSignatureVerifier.Check(tampered, _agency.Certificate);

        Assert.Equal(SignatureState.Refused, check.State);
        Assert.Contains("does not match", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlertSignedWithAnotherKey_IsRefused()
    {
        var check = CapSignatureVerifier.Check(Sign(_stranger, Sample), _agency.Certificate);

        Assert.Equal(SignatureState.Refused, check.State);
        Assert.Contains("another key", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsignedAlert_IsUnsigned()
    {
        Assert.Equal(SignatureCheck.Unsigned, CapSignatureVerifier.Check(Encoding.UTF8.GetBytes(Sample), _agency.Certificate));
    }

    [Fact]
    public void AWrappedSignature_ThatGenuinelySignsAnEmbeddedOriginal_IsRefused()
    {
        // The attacker's alert carries the agency's genuine alert inside a foreign element, and a signature whose one
        // reference points at it by id: cryptographically valid, but it does not sign the alert that would be sent.
        var xml = Load(Encoding.UTF8.GetBytes(Sample));
        var original = (XmlElement)xml.DocumentElement!.CloneNode(deep: true);
        var wrapper = xml.CreateElement("ext", "wrapper", "urn:example:wrapper");
        wrapper.SetAttribute("Id", "original");
        wrapper.AppendChild(original);
        xml.DocumentElement.AppendChild(wrapper);
        xml.DocumentElement["info", CapSignatureVerifier.CapNamespace]!["headline", CapSignatureVerifier.CapNamespace]!.InnerText = "伪造的预警";
        using var key = SigningCertificate(_agency).GetRSAPrivateKey()!;
        var signed = new SignedXml(xml) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#original") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        signed.ComputeSignature();
        xml.DocumentElement.AppendChild(xml.ImportNode(signed.GetXml(), deep: true));
        var document = Save(xml);

        var check = CapSignatureVerifier.Check(document, _agency.Certificate);

        var plain = new SignedXml(Load(document));
        plain.LoadXml((XmlElement)Load(document).GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!);
        Assert.True(plain.CheckSignature(_agency.Certificate, verifySignatureOnly: true), "the wrapped signature itself is genuine");
        Assert.Equal(SignatureState.Refused, check.State);
        Assert.Contains("URI", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignatureInsideAnInfoBlock_OrASecondSignature_IsRefused()
    {
        var signed = Encoding.UTF8.GetString(Sign(_agency, Sample));
        var start = signed.IndexOf("<Signature", StringComparison.Ordinal);
        var signature = signed[start..(signed.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length)];
        var unsigned = signed.Replace(signature, "", StringComparison.Ordinal);
        var firstInfoEnd = unsigned.IndexOf("</info>", StringComparison.Ordinal);
        var moved = unsigned.Insert(firstInfoEnd, signature);
        var twice = signed.Replace(signature, signature + signature, StringComparison.Ordinal);

        var inInfo = CapSignatureVerifier.Check(Encoding.UTF8.GetBytes(moved), _agency.Certificate);
        var two = CapSignatureVerifier.Check(Encoding.UTF8.GetBytes(twice), _agency.Certificate);

        Assert.Equal((SignatureState.Refused, SignatureState.Refused), (inInfo.State, two.State));
        Assert.Contains("not a child of alert", inInfo.Problem, StringComparison.Ordinal);
        Assert.Contains("2 signatures", two.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlSec1_SignsAnAlert_AndTheHubVerifiesIt()
    {
        var template = Sample.Replace("</alert>", Template + "</alert>", StringComparison.Ordinal);
        var input = Path.Combine(_agency.Folder, "template.xml");
        var output = Path.Combine(_agency.Folder, "signed-by-xmlsec1.xml");
        File.WriteAllText(input, template);

        var run = XmlSec1("--sign", "--privkey-pem", $"{_agency.KeyPem},{_agency.CertificatePem}", "--output", output, input);

        Assert.True(run.ExitCode == 0, run.Error);
        var signed = File.ReadAllBytes(output);
        Assert.Equal(SignatureCheck.Valid, CapSignatureVerifier.Check(signed, _agency.Certificate));
        Assert.Equal(SignatureState.Refused, CapSignatureVerifier.Check(Spoil.Replace(signed, "<urgency>Immediate</urgency>", "<urgency>Past</urgency>"), _agency.Certificate).State);
    }

    [Fact]
    public void WhatTheHubSigns_XmlSec1Verifies_AndRefusesOnceTampered()
    {
        var signed = Sign(_agency, Sample);
        var good = Path.Combine(_agency.Folder, "signed-by-hub.xml");
        var bad = Path.Combine(_agency.Folder, "tampered.xml");
        File.WriteAllBytes(good, signed);
        File.WriteAllBytes(bad, Spoil.Replace(signed, "<severity>Extreme</severity>", "<severity>Minor</severity>"));

        var verified = XmlSec1("--verify", "--enabled-reference-uris", "empty", "--trusted-pem", _agency.CertificatePem, good);
        var refused = XmlSec1("--verify", "--enabled-reference-uris", "empty", "--trusted-pem", _agency.CertificatePem, bad);

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.NotEqual(0, refused.ExitCode);
    }

    private const string Template = """<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></Transforms><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference></SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>""";

    internal static byte[] Sign(SigningKeys keys, string capXml) => new CapSigner(SigningCertificate(keys)).Sign(capXml);

    internal static X509Certificate2 SigningCertificate(SigningKeys keys) => X509Certificate2.CreateFromPemFile(keys.CertificatePem, keys.KeyPem);

    private static XmlDocument Load(byte[] document)
    {
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        xml.Load(reader);
        return xml;
    }

    private static byte[] Save(XmlDocument xml)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) xml.Save(writer);
        return output.ToArray();
    }

    /// <summary>Runs Debian's xmlsec1 (installed by test.sh); a missing one fails the test rather than skipping it.</summary>
    internal static (int ExitCode, string Error) XmlSec1(params string[] args)
    {
        var start = new ProcessStartInfo("xmlsec1") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("xmlsec1 did not finish");
        }
        return (process.ExitCode, error + output.Result);
    }
}
