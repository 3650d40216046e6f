namespace Schuldketen.Workflows.Conversations;

/// <summary>A kind of file a resident may hand in: its content type, the extensions its name may end in, and how its content starts.</summary>
public sealed record AttachmentType(string ContentType, string Label, IReadOnlyList<string> Extensions, byte[] Signature)
{
    public static readonly AttachmentType Pdf = new("application/pdf", "PDF", [".pdf"], "%PDF-"u8.ToArray());

    public static readonly AttachmentType Jpeg = new("image/jpeg", "JPG", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]);

    public static readonly AttachmentType Png = new("image/png", "PNG", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static IReadOnlyList<AttachmentType> All { get; } = [Pdf, Jpeg, Png];

    /// <summary>The type the content is, read from its first bytes (its "magic number"), never from what the sender says.</summary>
    public static AttachmentType? OfContent(ReadOnlySpan<byte> content)
    {
        foreach (var type in All)
        {
            if (content.StartsWith(type.Signature))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The type a file name promises by its extension.</summary>
    public static AttachmentType? OfName(string fileName) =>
        All.FirstOrDefault(type => type.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));

    public static AttachmentType? OfContentType(string contentType) => All.FirstOrDefault(type => type.ContentType == contentType);
}
