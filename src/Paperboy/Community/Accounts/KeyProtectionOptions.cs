using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Section <c>Paperboy:DataProtection</c>: the certificate that encrypts the data-protection keys (they sign cookies,
/// sign-in links and antiforgery tokens) where they are stored, in the database. Every instance needs the same
/// certificate with its private key; without one the keys are stored as plain XML, and a copy of the database is
/// enough to forge a session.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Paperboy:DataProtection";

    /// <summary>A PKCS#12 file (<c>.pfx</c>) with an RSA key, e.g. <c>/etc/paperboy/keys.pfx</c>.</summary>
    public string? Certificate { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, or null when none is configured; throws when the file cannot be read as one.</summary>
    public X509Certificate2? Load()
    {
        if (string.IsNullOrWhiteSpace(Certificate)) return null;
        if (!File.Exists(Certificate)) throw new IOException("no such file");
        var cert = X509CertificateLoader.LoadPkcs12FromFile(Certificate, CertificatePassword);
        if (!cert.HasPrivateKey || cert.GetRSAPrivateKey() is null)
            throw new CryptographicException("it has no RSA private key");
        return cert;
    }

    /// <summary>Why the configured certificate cannot be used, or null.</summary>
    public string? Problem()
    {
        try { using var _ = Load(); return null; }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"{Section}:Certificate: cannot use '{Certificate}' to protect keys: {e.Message.TrimEnd('.')}.";
        }
    }
}

public static class KeyProtection
{
    /// <summary>Keys in the database, so every instance behind a load balancer reads the same cookies; encrypted there with
    /// the configured certificate.</summary>
    public static void AddPaperboyDataProtection(this IServiceCollection services)
    {
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, CertificateCheck>();
        services.AddDataProtection().SetApplicationName("Paperboy").PersistKeysToDbContext<PaperboyDb>();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyProtectionOptions>, StorageConnection, ILoggerFactory>((o, protection, storage, logs) =>
        {
            if (protection.Value.Load() is { } cert) o.XmlEncryptor = new CertificateKeyEncryptor(cert, logs);
            else if (storage.IsPostgres)
                logs.CreateLogger("Paperboy.DataProtection").LogWarning(
                    "data-protection keys are stored unencrypted in PostgreSQL; set {Section}:Certificate to a .pfx file every instance shares",
                    KeyProtectionOptions.Section);
        });
    }

    sealed class CertificateCheck : IValidateOptions<KeyProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

/// <summary>Encrypts a key with the certificate's public key (XML Encryption, as ASP.NET Core's own certificate
/// encryptor does) and names <see cref="CertificateKeyDecryptor"/> as the one that reads it back.</summary>
sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory logs) : IXmlEncryptor
{
    readonly CertificateXmlEncryptor _inner = new(certificate, logs);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}

/// <summary>Decrypts a key encrypted by <see cref="CertificateKeyEncryptor"/> with the configured certificate (the
/// data-protection system creates it by type name, with the services).</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var cert = services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value.Load()
                   ?? throw new CryptographicException($"the keys are encrypted, but {KeyProtectionOptions.Section}:Certificate is not set");
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = encryptedElement.CreateReader()) document.Load(reader);
        new WithCertificate(document, cert).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    /// <summary>XML Encryption that unwraps the content key with our certificate instead of looking in the machine's stores.</summary>
    sealed class WithCertificate(XmlDocument document, X509Certificate2 cert) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var forUs = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>()
                .SelectMany(d => d.Certificates?.OfType<X509Certificate2>() ?? [])
                .Any(c => c.Thumbprint == cert.Thumbprint);
            if (!forUs) return base.DecryptEncryptedKey(encryptedKey);
            var oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
            return DecryptKey(encryptedKey.CipherData.CipherValue!, cert.GetRSAPrivateKey()!, oaep);
        }
    }
}
