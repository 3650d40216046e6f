using System.Security.Cryptography;
using System.Text;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Store.Privacy;

/// <summary>
/// A BSN is stored only as a keyed hash, to find a resident's trajectories, and encrypted, for the
/// few people allowed to see it. The keys never live in the database.
/// </summary>
public sealed class SubjectProtector
{
    private readonly byte[] hashKey;
    private readonly SecretBox box;

    public SubjectProtector(byte[] hashKey, byte[] encryptionKey)
    {
        if (hashKey.Length < 32)
        {
            throw new ArgumentException("The hash key needs at least 32 bytes.", nameof(hashKey));
        }

        this.hashKey = hashKey;
        box = new SecretBox(encryptionKey);
    }

    public string Hash(Bsn bsn) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.ASCII.GetBytes(bsn.Digits)));

    public string Encrypt(Bsn bsn) => box.Seal(bsn.Digits);

    public Bsn Decrypt(string cipher) =>
        Bsn.TryParse(box.Open(cipher), out var bsn) ? bsn : throw new CryptographicException("The decrypted subject is not a BSN.");
}
