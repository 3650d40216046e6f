using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>A message as the conversation form posts it: the text and at most one file.</summary>
public sealed class ConversationForm
{
    public string? Text { get; set; }

    public IFormFile? Upload { get; set; }

    /// <summary>The file as the store takes it; none when the file input was left empty (the browser then posts a part without a name).</summary>
    public async Task<NewAttachment?> AttachmentAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { } upload || string.IsNullOrEmpty(upload.FileName))
        {
            return null;
        }

        using var content = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(content, cancellationToken);
        return new NewAttachment(upload.FileName, content.ToArray());
    }
}
