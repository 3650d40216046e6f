using Azure;
using Azure.Storage.Blobs;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>Sealed file content as block blobs in one container, each named by its attachment id; in Azure the container of the hub's data storage.</summary>
public sealed class BlobAttachmentStore(BlobContainerClient container) : IAttachmentStore
{
    public async Task PutAsync(string attachmentId, byte[] sealedContent, CancellationToken cancellationToken) =>
        await container.GetBlobClient(attachmentId).UploadAsync(BinaryData.FromBytes(sealedContent), overwrite: true, cancellationToken);

    public async Task<byte[]?> GetAsync(string attachmentId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(attachmentId).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException missing) when (missing.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string attachmentId, CancellationToken cancellationToken) =>
        await container.GetBlobClient(attachmentId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
