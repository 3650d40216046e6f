using System.Security.Cryptography;
using System.Text.Json;

namespace Schuldketen.Functions.Auth;

/// <summary>
/// The hub's secrets: the keys that hash and encrypt BSNs, and the key that signs embedded tokens.
/// From configuration (<c>Schuldketen:Keys:*</c>, base64) in production; the embedded default
/// generates them once into <c>keys.json</c> in the data directory, readable by the owner only.
/// </summary>
public sealed record HubKeys(byte[] SubjectHash, byte[] SubjectEncryption, byte[] TokenSigning)
{
    public static HubKeys Load(IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("Schuldketen:Keys");
        if (section["SubjectHash"] is { } hash && section["SubjectEncryption"] is { } encryption && section["TokenSigning"] is { } signing)
        {
            return new HubKeys(Convert.FromBase64String(hash), Convert.FromBase64String(encryption), Convert.FromBase64String(signing));
        }

        var file = Path.Combine(dataDirectory, "keys.json");
        if (File.Exists(file))
        {
            return JsonSerializer.Deserialize<HubKeys>(File.ReadAllText(file)) ?? throw new InvalidOperationException($"{file} is empty.");
        }

        Directory.CreateDirectory(dataDirectory);
        var keys = new HubKeys(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return keys;
    }
}
