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
    /// <summary>
    /// How far behind the newest history a late commit can land: a batch is stamped before its transaction commits, so
    /// the cursor stays this far behind the clock and what it passes over again is skipped by each trajectory's progress.
    /// Far beyond any transaction the store runs (each command times out after 30 s).
    /// </summary>
    public static readonly TimeSpan LateCommit = TimeSpan.FromMinutes(1);

    /// <summary>
    /// History entries the relay has not read yet, in recorded order from the cursor (so a run reads what is new, not every
    /// trajectory's history), each trajectory's oldest first, with whose they are.
    /// </summary>
    public async Task<IReadOnlyList<PendingNotice>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var from = await connection.ExecuteScalarAsync<long>("SELECT recorded_at FROM notice_cursor WHERE id = 1");
        var rows = (await connection.QueryAsync<PendingRow>(
            "SELECT h.trajectory_id AS TrajectoryId, h.sequence AS Sequence, h.event_type AS EventType, h.phase AS Phase, " +
            "b.phase AS PreviousPhase, h.data AS Data, h.occurred_at AS OccurredAt, h.recorded_at AS RecordedAt, t.subject_hash AS SubjectHash, " +
            "t.definition_id AS DefinitionId, t.definition_version AS DefinitionVersion " +
            "FROM history h JOIN trajectories t ON t.id = h.trajectory_id " +
            "LEFT JOIN notice_progress p ON p.trajectory_id = h.trajectory_id " +
            "LEFT JOIN history b ON b.trajectory_id = h.trajectory_id AND b.sequence = h.sequence - 1 " +
            "WHERE h.recorded_at >= @from AND h.sequence > COALESCE(p.sequence, 0) " +
            "ORDER BY h.recorded_at, h.trajectory_id, h.sequence LIMIT @limit",
            new { from, limit })).AsList();
        return rows.Select(row => new PendingNotice(
            new NoticeSource(row.TrajectoryId, row.Sequence, row.EventType, row.Phase, row.PreviousPhase, row.Data,
                DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt)),
            row.SubjectHash,
            new Definitions.DefinitionKey(row.DefinitionId, (int)row.DefinitionVersion),
            row.RecordedAt)).ToList();
    }

    /// <summary>
    /// Moves the cursor on after a read of <paramref name="read"/> entries out of at most <paramref name="limit"/>: to the
    /// last one read when the read was full, else to all that was recorded, but never closer to the clock than
    /// <see cref="LateCommit"/> and never back.
    /// </summary>
    public async Task MoveCursorAsync(IReadOnlyList<PendingNotice> read, int limit, CancellationToken cancellationToken)
    {
        var settled = (store.Time.GetUtcNow() - LateCommit).ToUnixTimeMilliseconds();
        var to = read.Count >= limit ? Math.Min(read.Max(entry => entry.RecordedAt), settled) : settled;
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE notice_cursor SET recorded_at = @to WHERE id = 1 AND recorded_at < @to", new { to });
    }

    /// <summary>Moves the reading position of each trajectory on to its sequence, in one statement; never back.</summary>
    public async Task AdvanceAsync(IReadOnlyList<(string TrajectoryId, long Sequence)> positions, CancellationToken cancellationToken)
    {
        if (positions.Count == 0)
        {
            return;
        }

        var parameters = new DynamicParameters();
        var values = new List<string>(positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            values.Add($"(@t{i}, @s{i})");
            parameters.Add($"t{i}", positions[i].TrajectoryId);
            parameters.Add($"s{i}", positions[i].Sequence);
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO notice_progress (trajectory_id, sequence) VALUES {string.Join(", ", values)} " +
            "ON CONFLICT (trajectory_id) DO UPDATE SET sequence = excluded.sequence WHERE notice_progress.sequence < excluded.sequence",
            parameters);
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
        string TrajectoryId, long Sequence, string EventType, string Phase, string? PreviousPhase, string Data, long OccurredAt, long RecordedAt,
        string? SubjectHash, string DefinitionId, long DefinitionVersion);
}

/// <summary>
/// A history entry the notice relay has yet to read, with the resident's keyed hash (if known), the definition version and
/// when it was recorded (Unix ms, the cursor's order).
/// </summary>
public sealed record PendingNotice(NoticeSource Source, string? SubjectHash, Definitions.DefinitionKey Definition, long RecordedAt);
