using Dapper;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>The embedded default: sealed file content in the table <c>attachment_contents</c> of the hub's own database.</summary>
public sealed class DatabaseAttachmentStore(TrajectoryStore store) : IAttachmentStore
{
    public async Task PutAsync(string attachmentId, byte[] sealedContent, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO attachment_contents (attachment_id, content) VALUES (@attachmentId, @sealedContent)", new { attachmentId, sealedContent });
    }

    public async Task<byte[]?> GetAsync(string attachmentId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(
            "SELECT content FROM attachment_contents WHERE attachment_id = @attachmentId", new { attachmentId });
    }

    public async Task DeleteAsync(string attachmentId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM attachment_contents WHERE attachment_id = @attachmentId", new { attachmentId });
    }
}
