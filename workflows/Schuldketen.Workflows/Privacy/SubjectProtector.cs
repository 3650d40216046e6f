using System.Security.Cryptography;
using System.Text;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Privacy;

/// <summary>
/// A BSN is stored only as a keyed hash, to find a resident's trajectories, and encrypted
/// (AES-GCM), for the few people allowed to see it. The keys never live in the database.
/// </summary>
public sealed class SubjectProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] hashKey;
    private readonly byte[] encryptionKey;

    public SubjectProtector(byte[] hashKey, byte[] encryptionKey)
    {
        if (hashKey.Length < 32 || encryptionKey.Length != 32)
        {
            throw new ArgumentException("The hash key needs at least 32 bytes and the encryption key exactly 32 (AES-256).");
        }

        this.hashKey = hashKey;
        this.encryptionKey = encryptionKey;
    }

    public string Hash(Bsn bsn) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.ASCII.GetBytes(bsn.Digits)));

    public string Encrypt(Bsn bsn)
    {
        var plain = Encoding.ASCII.GetBytes(bsn.Digits);
        var sealedBox = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize, plain.Length), sealedBox.AsSpan(NonceSize + plain.Length));
        return Convert.ToBase64String(sealedBox);
    }

    public Bsn Decrypt(string cipher)
    {
        var sealedBox = Convert.FromBase64String(cipher);
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(encryptionKey, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, plain.Length), sealedBox.AsSpan(NonceSize + plain.Length), plain);
        return Bsn.TryParse(Encoding.ASCII.GetString(plain), out var bsn)
            ? bsn
            : throw new CryptographicException("The decrypted subject is not a BSN.");
    }
}
