using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// A signal's personal data is kept only sealed, and found again only through keyed hashes: of the signal's id (which
/// outlives the data, so a repeat is known after deletion), the household's address and the person. Keys derived from
/// the hub's subject keys for this purpose alone.
/// </summary>
public sealed class SignalProtector
{
    private readonly byte[] hashKey;
    private readonly SecretBox box;

    public SignalProtector(byte[] subjectHashKey, byte[] subjectEncryptionKey)
    {
        hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, subjectHashKey, 32, info: Encoding.UTF8.GetBytes("schuldketen-signal-hash"));
        box = SecretBox.For(subjectEncryptionKey, "schuldketen-signal-personal-data");
    }

    public string IdHash(SignalPartner partner, string signalId) => Hash("id", PartnerKey(partner), signalId);

    public string HouseholdHash(string municipality, SignalResident resident) => Hash("household", municipality, resident.HouseholdKey);

    public string PersonHash(SignalPartner partner, SignalResident resident) => Hash("person", PartnerKey(partner), resident.PersonKey);

    public string Seal(SignalResident resident) => box.Seal(JsonSerializer.Serialize(resident));

    public SignalResident Open(string cipher) =>
        JsonSerializer.Deserialize<SignalResident>(box.Open(cipher)) ?? throw new CryptographicException("The sealed signal holds no resident.");

    private static string PartnerKey(SignalPartner partner) => $"{partner.Type}|{partner.Name.ToUpperInvariant()}";

    private string Hash(params string[] parts) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(string.Join('\u001f', parts))));
}
