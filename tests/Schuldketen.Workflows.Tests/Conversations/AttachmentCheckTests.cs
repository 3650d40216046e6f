using Schuldketen.Workflows.Conversations;

namespace Schuldketen.Workflows.Tests.Conversations;

/// <summary>A file's type comes from its first bytes and must be what its name says; empty and too large files are refused.</summary>
public class AttachmentCheckTests
{
    private const long Limit = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-1.4\n"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0];

    [Theory]
    [InlineData("loonstrook.pdf", "application/pdf")]
    [InlineData("Brief.PDF", "application/pdf")]
    [InlineData("foto.jpg", "image/jpeg")]
    [InlineData("foto.jpeg", "image/jpeg")]
    [InlineData("scan.png", "image/png")]
    public void A_file_that_is_what_its_name_says_is_taken(string name, string contentType)
    {
        var content = contentType switch { "application/pdf" => Pdf, "image/jpeg" => Jpeg, _ => Png };

        var (type, problem) = AttachmentCheck.Of(name, content, Limit);

        Assert.Null(problem);
        Assert.Equal(contentType, type?.ContentType);
    }

    [Fact]
    public void A_file_that_is_not_what_its_name_says_is_refused()
    {
        Assert.Equal("Dit bestand heet een PDF, maar is het niet. Stuur een echte PDF, JPG of PNG.", AttachmentCheck.Of("rekening.pdf", Png, Limit).Problem);
        Assert.Equal("Dit bestand heet een PNG, maar is het niet. Stuur een echte PDF, JPG of PNG.", AttachmentCheck.Of("scan.png", "MZ"u8, Limit).Problem);
        Assert.StartsWith("U kunt alleen een PDF, JPG of PNG sturen.", AttachmentCheck.Of("brief.pdf.exe", Pdf, Limit).Problem);
    }

    [Fact]
    public void An_empty_file_and_one_over_the_limit_are_refused()
    {
        Assert.Equal("Het bestand is leeg. Kies een ander bestand.", AttachmentCheck.Of("leeg.pdf", [], Limit).Problem);
        Assert.StartsWith("Het bestand is groter dan 1 MB.", AttachmentCheck.Of("groot.pdf", new byte[1024 * 1024 + 1], 1024 * 1024).Problem);
        Assert.Null(AttachmentCheck.Of("precies.pdf", [.. Pdf, .. new byte[1024 * 1024 - Pdf.Length]], 1024 * 1024).Problem);
    }
}
