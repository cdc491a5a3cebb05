using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>A private CA made by the test and a server certificate it signed for the name localhost (not for 127.0.0.1), as PEM files.</summary>
public sealed record TestCertificates(string CaPem, string CertificatePem, string KeyPem)
{
    public static TestCertificates Create(string directory, string name = "Kennisplatform test-CA")
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={name}", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2), RandomNumberGenerator.GetBytes(12));

        var certificates = new TestCertificates(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        File.WriteAllText(certificates.CaPem, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(certificates.CertificatePem, server.ExportCertificatePem() + "\n");
        File.WriteAllText(certificates.KeyPem, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return certificates;
    }
}
