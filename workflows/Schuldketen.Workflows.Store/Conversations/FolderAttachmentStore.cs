namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>
/// Sealed file content as files in a folder (a mounted share, say), one file per attachment named by its id, written
/// to a temporary name first so that a crash never leaves half a file under the real name.
/// </summary>
public sealed class FolderAttachmentStore(string folder) : IAttachmentStore
{
    public async Task PutAsync(string attachmentId, byte[] sealedContent, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(attachmentId);
        var partial = $"{path}.{Guid.NewGuid():N}.deel";
        await File.WriteAllBytesAsync(partial, sealedContent, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    public async Task<byte[]?> GetAsync(string attachmentId, CancellationToken cancellationToken)
    {
        var path = PathOf(attachmentId);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string attachmentId, CancellationToken cancellationToken)
    {
        var path = PathOf(attachmentId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string attachmentId) =>
        AttachmentIds.IsWellFormed(attachmentId)
            ? Path.Combine(folder, attachmentId)
            : throw new ArgumentException("An attachment id is 32 hexadecimal characters.", nameof(attachmentId));
}
