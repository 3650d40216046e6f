using System.Security.Cryptography;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>Attachment ids: 128 random bits as 32 lower-case hexadecimal characters, safe as a file or blob name and not guessable.</summary>
public static class AttachmentIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
