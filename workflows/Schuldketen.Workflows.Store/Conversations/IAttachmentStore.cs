namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>
/// Where the content of handed-in files is kept: the database (the embedded default), a folder, or Azure Blob Storage.
/// It only ever receives content sealed by the hub's key, under an id the hub made; it never sees a file name.
/// </summary>
public interface IAttachmentStore
{
    Task PutAsync(string attachmentId, byte[] sealedContent, CancellationToken cancellationToken);

    /// <summary>The sealed content; null when there is none (anymore).</summary>
    Task<byte[]?> GetAsync(string attachmentId, CancellationToken cancellationToken);

    /// <summary>Deletes the content; deleting what is not there is no error.</summary>
    Task DeleteAsync(string attachmentId, CancellationToken cancellationToken);
}
