using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Schuldketen.Testing;

/// <summary>The receiver's side of Standard Webhooks, written from the specification rather than from the hub's signing code.</summary>
public static class StandardWebhooks
{
    public const string SecretPrefix = "whsec_";

    /// <summary>
    /// Whether <c>webhook-signature</c> holds, among space-separated candidates, a <c>v1,</c> signature that is the
    /// base64 HMAC-SHA256 of <c>id.timestamp.body</c> (the raw body bytes) under the key the secret carries after <c>whsec_</c>.
    /// </summary>
    public static bool SignatureIsValid(string? secret, string? id, string? timestamp, string? signature, byte[] body)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            || string.IsNullOrEmpty(id) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var key = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var keyLength) || keyLength == 0)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(key.AsSpan(0, keyLength), signed);
        foreach (var candidate in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var mac = new byte[candidate.Length];
            if (candidate.Split(',', 2) is ["v1", var encoded]
                && Convert.TryFromBase64String(encoded, mac, out var macLength)
                && CryptographicOperations.FixedTimeEquals(expected, mac.AsSpan(0, macLength)))
            {
                return true;
            }
        }

        return false;
    }
}
