namespace Schuldketen.Workflows.Conversations;

/// <summary>
/// Whether a file may be handed in: not empty, not larger than the limit, a PDF, JPG or PNG by its content, and its name
/// saying the same. The answer is the type, or what is wrong in plain Dutch.
/// </summary>
public static class AttachmentCheck
{
    public const int MaxFileNameLength = 200;

    public static (AttachmentType? Type, string? Problem) Of(string fileName, ReadOnlySpan<byte> content, long maxBytes)
    {
        var name = Path.GetFileName(fileName);
        if (content.IsEmpty)
        {
            return (null, "Het bestand is leeg. Kies een ander bestand.");
        }

        if (content.Length > maxBytes)
        {
            return (null, $"Het bestand is groter dan {maxBytes / (1024 * 1024)} MB. Maak het kleiner of stuur het in delen.");
        }

        if (name.Length is 0 or > MaxFileNameLength)
        {
            return (null, $"De naam van het bestand is te lang. Geef het een naam van hoogstens {MaxFileNameLength} tekens.");
        }

        var promised = AttachmentType.OfName(name);
        var actual = AttachmentType.OfContent(content);
        if (promised is null)
        {
            return (null, "U kunt alleen een PDF, JPG of PNG sturen. Dit bestand is geen van die drie.");
        }

        return actual == promised
            ? (actual, null)
            : (null, $"Dit bestand heet een {promised.Label}, maar is het niet. Stuur een echte PDF, JPG of PNG.");
    }
}
