using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace WarningHub.EndToEnd.Tests.Signatures;

/// <summary>Keys, certificates and PEM files for the signature tests, made fresh per test class.</summary>
internal sealed class SigningKeys : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-sig-");

    public SigningKeys(string subject = "CN=jingyan-weather (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        CertificatePem = Path.Combine(_folder.FullName, "cert.pem");
        KeyPem = Path.Combine(_folder.FullName, "key.pem");
        File.WriteAllText(CertificatePem, Certificate.ExportCertificatePem());
        File.WriteAllText(KeyPem, rsa.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    public string Folder => _folder.FullName;

    public void Dispose()
    {
        Certificate.Dispose();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }
}

/// <summary>Ways to spoil a signed document, as an attacker would.</summary>
internal static class Spoil
{
    public static byte[] Replace(byte[] document, string from, string to)
    {
        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
