using System.Security.Cryptography;
using System.Text;

namespace Schuldketen.Workflows.Store.Privacy;

/// <summary>
/// AES-256-GCM for texts and files kept that must be read back (a BSN for authorised people, a webhook secret to sign
/// with, a message or a handed-in file): a fresh nonce per text, stored as base64(nonce | ciphertext | tag).
/// </summary>
public sealed class SecretBox
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key;

    public SecretBox(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("An AES-256 key has exactly 32 bytes.", nameof(key));
        }

        this.key = key;
    }

    /// <summary>A box with its own key derived from <paramref name="masterKey"/>, so one purpose's ciphertext never opens with another's key.</summary>
    public static SecretBox For(byte[] masterKey, string purpose) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.UTF8.GetBytes(purpose)));

    public string Seal(string text) => Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(text)));

    public string Open(string sealedText) => Encoding.UTF8.GetString(Open(Convert.FromBase64String(sealedText)));

    /// <summary>Seals bytes (a file) the same way, as nonce | ciphertext | tag without base64.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var sealedBox = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize, plain.Length), sealedBox.AsSpan(NonceSize + plain.Length));
        return sealedBox;
    }

    public byte[] Open(ReadOnlySpan<byte> sealedBox)
    {
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBox[..NonceSize], sealedBox.Slice(NonceSize, plain.Length), sealedBox[(NonceSize + plain.Length)..], plain);
        return plain;
    }
}
