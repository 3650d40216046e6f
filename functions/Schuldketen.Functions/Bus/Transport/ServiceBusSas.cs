using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// A Service Bus shared access signature: HMAC-SHA256 with the policy's key over the URL-encoded
/// resource URI, a newline and the expiry in Unix seconds.
/// </summary>
public static class ServiceBusSas
{
    public static string Token(string resourceUri, string keyName, string key, DateTimeOffset expiresAt)
    {
        var resource = WebUtility.UrlEncode(resourceUri.ToLowerInvariant());
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(resource + "\n" + expiry)));
        return $"SharedAccessSignature sr={resource}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";
    }

    /// <summary>The URI a token for one entity is made for (http, as Service Bus's own SDKs do).</summary>
    public static string ResourceUri(string @namespace, string entity) => $"http://{@namespace}/{entity}";
}
