using Dapper;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Residents;

/// <summary>
/// The notice relay's reading position in every trajectory's history, and the portal's inbox of
/// resident notices. Both providers run the same SQL.
/// </summary>
public sealed class NoticeStore(TrajectoryStore store)
{
    /// <summary>History entries the relay has not read yet, oldest first per trajectory, with whose they are.</summary>
    public async Task<IReadOnlyList<PendingNotice>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingRow>(
            "SELECT h.trajectory_id AS TrajectoryId, h.sequence AS Sequence, h.event_type AS EventType, h.phase AS Phase, " +
            "b.phase AS PreviousPhase, h.data AS Data, h.occurred_at AS OccurredAt, t.subject_hash AS SubjectHash, " +
            "t.definition_id AS DefinitionId, t.definition_version AS DefinitionVersion " +
            "FROM history h JOIN trajectories t ON t.id = h.trajectory_id " +
            "LEFT JOIN notice_progress p ON p.trajectory_id = h.trajectory_id " +
            "LEFT JOIN history b ON b.trajectory_id = h.trajectory_id AND b.sequence = h.sequence - 1 " +
            "WHERE h.sequence > COALESCE(p.sequence, 0) ORDER BY h.trajectory_id, h.sequence LIMIT @limit",
            new { limit });
        return rows.Select(row => new PendingNotice(
            new NoticeSource(row.TrajectoryId, row.Sequence, row.EventType, row.Phase, row.PreviousPhase, row.Data,
                DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt)),
            row.SubjectHash,
            new Definitions.DefinitionKey(row.DefinitionId, (int)row.DefinitionVersion))).ToList();
    }

    public async Task AdvanceAsync(string trajectoryId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO notice_progress (trajectory_id, sequence) VALUES (@trajectoryId, @sequence) " +
            "ON CONFLICT (trajectory_id) DO UPDATE SET sequence = excluded.sequence WHERE notice_progress.sequence < excluded.sequence",
            new { trajectoryId, sequence });
    }

    /// <summary>Keeps a notice in the inbox; a repeat of the same entry and kind changes nothing.</summary>
    public async Task KeepAsync(string subjectHash, ResidentNotice notice, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO resident_notices (subject_hash, trajectory_id, sequence, kind, text, at) " +
            "VALUES (@subjectHash, @TrajectoryId, @Sequence, @Kind, @Text, @At) ON CONFLICT DO NOTHING",
            new { subjectHash, notice.TrajectoryId, notice.Sequence, Kind = notice.Kind.ToString(), notice.Text, At = notice.At.ToUnixTimeMilliseconds() });
    }

    /// <summary>The inbox of one resident, newest first.</summary>
    public async Task<IReadOnlyList<ResidentNotice>> InboxAsync(string subjectHash, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string TrajectoryId, long Sequence, string Kind, string Text, long At)>(
            "SELECT trajectory_id, sequence, kind, text, at FROM resident_notices WHERE subject_hash = @subjectHash " +
            "ORDER BY at DESC, sequence DESC, kind",
            new { subjectHash });
        return rows.Select(row => new ResidentNotice(row.TrajectoryId, row.Sequence, Enum.Parse<NoticeKind>(row.Kind), row.Text,
            DateTimeOffset.FromUnixTimeMilliseconds(row.At))).ToList();
    }

    private sealed record PendingRow(
        string TrajectoryId, long Sequence, string EventType, string Phase, string? PreviousPhase, string Data, long OccurredAt,
        string? SubjectHash, string DefinitionId, long DefinitionVersion);
}

/// <summary>A history entry the notice relay has yet to read, with the resident's keyed hash (if known) and the definition version.</summary>
public sealed record PendingNotice(NoticeSource Source, string? SubjectHash, Definitions.DefinitionKey Definition);
