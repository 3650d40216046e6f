using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// Where the ASP.NET data-protection keys live that protect the pages' login cookies and antiforgery tokens (section
/// <c>Schuldketen:DataProtection</c>). By default a folder in the data folder, enough for one instance. Several instances
/// that serve one login (the web app scaled out in Azure) share one key ring: a blob, its keys encrypted with a
/// certificate that in Azure comes from Key Vault.
/// </summary>
public sealed class KeyRingOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:DataProtection";

    /// <summary>Instances with the same name and key ring read each other's cookies.</summary>
    public string ApplicationName { get; set; } = "schuldketen";

    /// <summary>
    /// The blob holding the key ring, e.g. <c>https://account.blob.core.windows.net/dataprotection/keys.xml</c>, reached with
    /// the app's managed identity, or with the SAS token in its query when it has one. Its container must exist.
    /// </summary>
    public Uri? BlobUri { get; set; }

    /// <summary>
    /// A PKCS#12 certificate with its private key, base64-encoded: the value of a Key Vault certificate's secret, set as a
    /// Key Vault reference. It encrypts every key before the key is stored.
    /// </summary>
    public string? Certificate { get; set; }

    public IEnumerable<string> Problems()
    {
        if (BlobUri is { IsAbsoluteUri: false })
        {
            yield return $"Schuldketen__DataProtection__BlobUri is '{BlobUri}', not an absolute URI: give the blob's address, "
                + "such as https://<account>.blob.core.windows.net/dataprotection/keys.xml.";
        }

        if (BlobUri is not null && string.IsNullOrWhiteSpace(Certificate))
        {
            yield return "Schuldketen__DataProtection__BlobUri is set without Schuldketen__DataProtection__Certificate: keys in a shared blob "
                + "must be encrypted; give the Key Vault reference to the certificate that protects them.";
        }

        if (!string.IsNullOrWhiteSpace(Certificate) && Load(Certificate) is null)
        {
            yield return "Schuldketen__DataProtection__Certificate is not a base64-encoded PKCS#12 certificate with its private key and no "
                + "password: refer to the secret of a Key Vault certificate (content type application/x-pkcs12).";
        }
    }

    /// <summary>The certificate, or null when the setting holds none that can decrypt.</summary>
    public static X509Certificate2? Load(string? certificate)
    {
        if (string.IsNullOrWhiteSpace(certificate))
        {
            return null;
        }

        try
        {
            var loaded = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(certificate), password: null);
            return loaded.HasPrivateKey ? loaded : null;
        }
        catch (Exception unreadable) when (unreadable is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
