using Dapper;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// Deletes the personal data of signals that did not lead to help, a retention period after they closed: a signal that
/// joined no case (repeated, unjustified) from its arrival, one in a case from the case's close when its end result
/// accepted no help. What stays is the tombstone (the keyed hash of the partner's signal id, so a repeat is still known)
/// and the non-personal facts. The case's conversation (messages and handed-in files) goes with them, before them, so
/// that a run cut short leaves it for the next. Each deletion is audited without personal data.
/// </summary>
public sealed class SignalRetention(TrajectoryStore store, ConversationEraser conversations, HubIdentity hub, TimeProvider time)
{
    private const string Purge =
        "UPDATE signals SET personal_cipher = NULL, household_hash = NULL, person_hash = NULL, subject_hash = NULL, amount = NULL, arose_on = NULL, " +
        "partner_signal = NULL, deleted_at = @at WHERE id = @id AND deleted_at IS NULL";

    /// <summary>Deletes what has expired; answers how many signals lost their personal data.</summary>
    public async Task<int> PurgeExpiredAsync(int retentionMonths, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddMonths(-retentionMonths).ToUnixTimeMilliseconds();
        List<(string Id, string? CaseId)> expired;
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            expired = (await connection.QueryAsync<(string, string?)>(
                "SELECT id, case_id FROM signals WHERE deleted_at IS NULL AND case_id IS NULL AND received_at < @cutoff", new { cutoff })).AsList();
            var cases = (await connection.QueryAsync<string>(
                "SELECT DISTINCT case_id FROM signals WHERE deleted_at IS NULL AND case_id IS NOT NULL")).AsList();
            foreach (var caseId in cases)
            {
                if (await store.FindAsync(caseId, cancellationToken) is { } outreach
                    && store.Engine.Library.Get(outreach.Definition).Phase(outreach.Phase).Terminal
                    && outreach.UpdatedAt.ToUnixTimeMilliseconds() < cutoff
                    && !(EndResults.OfOutcome(outreach.Outcome)?.HelpAccepted ?? false))
                {
                    expired.AddRange((await connection.QueryAsync<string>(
                        "SELECT id FROM signals WHERE case_id = @caseId AND deleted_at IS NULL", new { caseId })).Select(id => (id, (string?)caseId)));
                }
            }
        }

        if (expired.Count == 0)
        {
            return 0;
        }

        await conversations.EraseAsync(expired.Select(signal => signal.CaseId).OfType<string>().ToList(), cancellationToken);

        await using var write = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await write.BeginTransactionAsync(cancellationToken);
        var audit = new List<AuditRow>();
        var at = now.ToUnixTimeMilliseconds();
        foreach (var (id, caseId) in expired)
        {
            if (await write.ExecuteAsync(Purge, new { id, at }, transaction) == 1)
            {
                audit.Add(new AuditEntry(now, "vroegsignaal-bewaartermijn-verstreken", hub.Oin, null, caseId, null, "geslaagd").ToRow());
            }
        }

        if (audit.Count > 0)
        {
            await store.Dialect.InsertAuditAsync(write, transaction, audit);
        }

        await transaction.CommitAsync(cancellationToken);
        return audit.Count;
    }
}
