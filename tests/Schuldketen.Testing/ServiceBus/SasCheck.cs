using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Amqp;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// The <c>$cbs</c> put-token: a SAS token is taken when it names the node's policy, has not expired and is signed with its
/// key (HMAC-SHA256 over the URL-encoded resource, a newline and the expiry in Unix seconds); otherwise 401.
/// </summary>
internal sealed class SasCheck(string keyName, string key, TimeProvider time)
{
    private const string Prefix = "SharedAccessSignature ";

    public AmqpMessage PutToken(AmqpMessage request)
    {
        var type = request.ApplicationProperties.Map["type"]?.ToString();
        if (request.ApplicationProperties.Map["operation"]?.ToString() != "put-token")
        {
            return RequestNode.Response("status-code", 400, "Only put-token is supported.");
        }

        if (type != "servicebus.windows.net:sastoken" || request.ValueBody?.Value is not string token || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return RequestNode.Response("status-code", 401, $"The test node takes SAS tokens only, not '{type}'.");
        }

        var fields = token[Prefix.Length..].Split('&')
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var name)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return RequestNode.Response("status-code", 401, "The SAS token lacks sr, sig, se or skn.");
        }

        if (WebUtility.UrlDecode(name) != keyName)
        {
            return RequestNode.Response("status-code", 401, $"No shared access policy '{WebUtility.UrlDecode(name)}'.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expiresAt) <= time.GetUtcNow())
        {
            return RequestNode.Response("status-code", 401, "The SAS token has expired.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(resource + "\n" + expiry));
        var given = new byte[expected.Length];
        return Convert.TryFromBase64String(WebUtility.UrlDecode(signature), given, out var length) && length == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, given)
            ? RequestNode.Response("status-code", 202, "Accepted")
            : RequestNode.Response("status-code", 401, "The SAS token's signature does not match the policy's key.");
    }
}
