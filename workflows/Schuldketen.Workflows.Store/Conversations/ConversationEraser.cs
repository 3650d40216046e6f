using Dapper;
using Schuldketen.Workflows.Residents;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>
/// Deletes the conversations of trajectories whose personal data goes: the files' content first (outside the database,
/// so a crash leaves rows that are deleted on the next run, never content without rows), then in one transaction the
/// messages, the attachments' rows, the read marks and the message notices, audited per trajectory without personal data.
/// </summary>
public sealed class ConversationEraser(TrajectoryStore store, IAttachmentStore contents, HubIdentity hub, TimeProvider time)
{
    /// <summary>Answers for how many of the trajectories a conversation was deleted.</summary>
    public async Task<int> EraseAsync(IReadOnlyList<string> trajectoryIds, CancellationToken cancellationToken)
    {
        if (trajectoryIds.Count == 0)
        {
            return 0;
        }

        var ids = trajectoryIds.Distinct(StringComparer.Ordinal).ToArray();
        var anyOf = store.Dialect.AnyOf("@ids");
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var attachments = (await connection.QueryAsync<string>($"SELECT id FROM attachments WHERE trajectory_id {anyOf}", new { ids })).AsList();
        var withMessages = (await connection.QueryAsync<string>($"SELECT DISTINCT trajectory_id FROM messages WHERE trajectory_id {anyOf}", new { ids }))
            .AsList();
        foreach (var attachment in attachments)
        {
            await contents.DeleteAsync(attachment, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync($"DELETE FROM attachments WHERE trajectory_id {anyOf}", new { ids }, transaction);
        await connection.ExecuteAsync($"DELETE FROM messages WHERE trajectory_id {anyOf}", new { ids }, transaction);
        await connection.ExecuteAsync($"DELETE FROM conversation_reads WHERE trajectory_id {anyOf}", new { ids }, transaction);
        await connection.ExecuteAsync(
            $"DELETE FROM resident_notices WHERE kind = @kind AND trajectory_id {anyOf}", new { kind = nameof(NoticeKind.Message), ids }, transaction);
        if (withMessages.Count > 0)
        {
            var now = time.GetUtcNow();
            await store.Dialect.InsertAuditAsync(connection, transaction,
                withMessages.Select(id => new AuditEntry(now, ConversationActivities.Erased, hub.Oin, null, id, null, "geslaagd").ToRow()).ToList());
        }

        await transaction.CommitAsync(cancellationToken);
        return withMessages.Count;
    }
}
