using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KnowledgePlatform.Web.Mail.Smtp;

/// <summary>
/// Trust for a private relay's certificate (Smtp:TrustedCertificate): the server's chain must end in
/// one of the configured certificates instead of a system root. The host name is checked as always.
/// </summary>
internal static class RelayCertificate
{
    public static bool TryLoad(string path, out X509Certificate2Collection certificates)
    {
        certificates = [];
        try
        {
            certificates.ImportFromPemFile(path);
            return certificates.Count > 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Null (the system's roots) unless a trusted certificate is configured.</summary>
    public static RemoteCertificateValidationCallback? Validation(SmtpOptions options)
    {
        if (string.IsNullOrEmpty(options.TrustedCertificate))
        {
            return null;
        }

        if (!TryLoad(options.TrustedCertificate, out var trusted))
        {
            throw new SmtpConnectException($"Smtp:TrustedCertificate '{options.TrustedCertificate}' has no readable certificate.");
        }

        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            // Only an untrusted chain can be made good by the configured roots; a wrong name or no certificate cannot.
            if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
            {
                return false;
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span)))
            {
                return true; // the relay's own certificate, pinned
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                custom.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
            }

            return custom.Build(leaf);
        };
    }
}
