using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Schuldketen.Testing.PageBrowser;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Several instances of the web app serve one login when they share the data-protection key ring in one blob, its keys
/// encrypted with one certificate (the Azure deployment's settings): the blob holds no key in clear, and an instance
/// without the certificate cannot use it. The blob is Azurite's.
/// </summary>
public class SharedKeyRingTests
{
    [Fact]
    public async Task A_professional_logged_in_at_one_instance_is_logged_in_at_another_that_shares_the_blob_and_certificate()
    {
        var blob = await TestBlobStorage.NewBlobAsync("keys.xml");
        var certificate = NewCertificate();
        await using var first = await HubServer.StartAsync(Sqlite, Shared(blob, certificate));
        await using var second = await HubServer.StartAsync(Sqlite, Shared(blob, certificate));

        var login = await LogInAsync(first);
        using var page = await WorkplaceAsync(second, login);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var ring = await TestBlobStorage.ReadAsync(blob);
        Assert.Contains("EncryptedXmlDecryptor", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_with_another_certificate_does_not_accept_the_login()
    {
        var blob = await TestBlobStorage.NewBlobAsync("keys.xml");
        await using var first = await HubServer.StartAsync(Sqlite, Shared(blob, NewCertificate()));
        await using var stranger = await HubServer.StartAsync(Sqlite, Shared(blob, NewCertificate()));

        var login = await LogInAsync(first);
        using var page = await WorkplaceAsync(stranger, login);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(StaffLogin, new Uri(stranger.Address, page.Headers.Location!).AbsolutePath);
    }

    private static Dictionary<string, string?> Shared(Uri blob, string certificate) => new()
    {
        ["Schuldketen:DemoData"] = "true",
        ["Schuldketen:DataProtection:BlobUri"] = blob.ToString(),
        ["Schuldketen:DataProtection:Certificate"] = certificate,
    };

    private static async Task<string> LogInAsync(HubServer hub)
    {
        using var browser = Open(hub);
        using var answer = await PostFormAsync(hub, browser, StaffLogin, "member", "0");
        return SetCookie(answer, StaffCookie) ?? throw new InvalidOperationException("The demo login set no professional's cookie.");
    }

    private static async Task<HttpResponseMessage> WorkplaceAsync(HubServer hub, string login)
    {
        using var browser = Open(hub);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/werkplek");
        request.Headers.Add("Cookie", login);
        return await browser.SendAsync(request);
    }

    /// <summary>A self-signed certificate as Key Vault hands one out: PKCS#12 with its private key, base64, no password.</summary>
    private static string NewCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=schuldketen-dataprotection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
