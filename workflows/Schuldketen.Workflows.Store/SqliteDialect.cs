using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// SQLite in WAL mode with <c>synchronous=FULL</c>: every commit is on disk. SQLite has one
/// writer at a time, and a statement is a function call, so rows are written one by one.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : StoreDialect(connectionString)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    protected override string ScriptFolder => "sqlite";

    public static string ConnectionStringFor(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // SQLite's own busy wait retries within milliseconds; without it the driver retries a locked write only every 150 ms.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    public override async Task<string> DescribeDurabilityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var journal = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        var synchronous = await connection.ExecuteScalarAsync<long>("PRAGMA synchronous");
        return $"journal_mode={journal} synchronous={(synchronous == 2 ? "full" : synchronous.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    protected override UpgradeEngineBuilder Deployment() => DeployChanges.To.SqliteDatabase(ConnectionString);

    public override async Task<Dictionary<(string Source, string Id), string>> FindInboxAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<(string Source, string Id)> keys)
    {
        // One query per source (a batch usually holds a handful), not one per event.
        var found = new Dictionary<(string, string), string>();
        foreach (var bySource in keys.GroupBy(key => key.Source, key => key.Id, StringComparer.Ordinal))
        {
            var rows = await connection.QueryAsync<(string EventId, string Result)>(
                "SELECT event_id, result FROM inbox WHERE source = @source AND event_id IN @ids", new { source = bySource.Key, ids = bySource.ToList() }, transaction);
            foreach (var (eventId, result) in rows)
            {
                found[(bySource.Key, eventId)] = result;
            }
        }

        return found;
    }

    public override async Task<List<TrajectoryRow>> FindTrajectoriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> ids) =>
        (await connection.QueryAsync<TrajectoryRow>($"SELECT {TrajectoryColumns} FROM trajectories WHERE id IN @ids", new { ids }, transaction)).AsList();

    public override Task<int> InsertInboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO inbox (source, event_id, trajectory_id, result, received_at) VALUES (@Source, @EventId, @TrajectoryId, @Result, @ReceivedAt) " +
            "ON CONFLICT DO NOTHING",
            rows, row => [row.Source, row.EventId, row.TrajectoryId, row.Result, row.ReceivedAt]);

    public override Task<int> InsertTrajectoriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO trajectories (id, definition_id, definition_version, phase, outcome, version, sequence, municipality, subject_hash, subject_cipher, started_at, updated_at, channel) " +
            "VALUES (@Id, @DefinitionId, @DefinitionVersion, @Phase, @Outcome, @Version, @Sequence, @Municipality, @SubjectHash, @SubjectCipher, @StartedAt, @UpdatedAt, @Channel) " +
            "ON CONFLICT DO NOTHING",
            rows,
            row => [row.Id, row.DefinitionId, row.DefinitionVersion, row.Phase, row.Outcome, row.Version, row.Sequence, row.Municipality, row.SubjectHash,
                row.SubjectCipher, row.StartedAt, row.UpdatedAt, row.Channel]);

    public override Task<int> UpdateTrajectoriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(TrajectoryRow Row, long ExpectedVersion)> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "UPDATE trajectories SET definition_version = @DefinitionVersion, phase = @Phase, outcome = @Outcome, version = @Version, " +
            "sequence = @Sequence, updated_at = @UpdatedAt WHERE id = @Id AND version = @ExpectedVersion",
            rows,
            update => [update.Row.DefinitionVersion, update.Row.Phase, update.Row.Outcome, update.Row.Version, update.Row.Sequence, update.Row.UpdatedAt,
                update.Row.Id, update.ExpectedVersion]);

    public override Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HistoryRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO history (trajectory_id, sequence, event_type, source, event_id, phase, outcome, occurred_at, recorded_at, actor_organisation, actor_role, actor_person, data) " +
            "VALUES (@TrajectoryId, @Sequence, @EventType, @Source, @EventId, @Phase, @Outcome, @OccurredAt, @RecordedAt, @ActorOrganisation, @ActorRole, @ActorPerson, @Data)",
            rows,
            row => [row.TrajectoryId, row.Sequence, row.EventType, row.Source, row.EventId, row.Phase, row.Outcome, row.OccurredAt, row.RecordedAt,
                row.ActorOrganisation, row.ActorRole, row.ActorPerson, row.Data]);

    public override Task DeleteTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "DELETE FROM timers WHERE trajectory_id = @TrajectoryId AND deadline_id = @DeadlineId",
            keys, key => [key.TrajectoryId, key.DeadlineId]);

    public override Task DeleteAllTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds) =>
        connection.ExecuteAsync("DELETE FROM timers WHERE trajectory_id IN @trajectoryIds", new { trajectoryIds }, transaction);

    public override Task UpsertTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TimerRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO timers (trajectory_id, deadline_id, event_type, started_on, due_on, fires_at) " +
            "VALUES (@TrajectoryId, @DeadlineId, @EventType, @StartedOn, @DueOn, @FiresAt) " +
            "ON CONFLICT (trajectory_id, deadline_id) DO UPDATE SET event_type = excluded.event_type, started_on = excluded.started_on, " +
            "due_on = excluded.due_on, fires_at = excluded.fires_at, fired_at = NULL",
            rows, row => [row.TrajectoryId, row.DeadlineId, row.EventType, row.StartedOn, row.DueOn, row.FiresAt]);

    public override async Task<List<(string TrajectoryId, string Organisation, string Role)>> ParticipationAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> trajectoryIds) =>
        (await connection.QueryAsync<(string, string, string)>(
            "SELECT trajectory_id, organisation, role FROM participants WHERE trajectory_id IN @trajectoryIds", new { trajectoryIds }, transaction)).AsList();

    public override Task UpsertParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ParticipantRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO participants (trajectory_id, organisation, role, contact_name, contact_id, added_at) " +
            "VALUES (@TrajectoryId, @Organisation, @Role, @ContactName, @ContactId, @AddedAt) " +
            "ON CONFLICT (trajectory_id, organisation, role) DO UPDATE SET contact_name = excluded.contact_name, contact_id = excluded.contact_id",
            rows, row => [row.TrajectoryId, row.Organisation, row.Role, row.ContactName, row.ContactId, row.AddedAt]);

    public override Task DeleteParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds, string role) =>
        connection.ExecuteAsync("DELETE FROM participants WHERE trajectory_id IN @trajectoryIds AND role = @role", new { trajectoryIds, role }, transaction);

    public override Task StampParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "UPDATE participants SET phase = @Phase, updated_at = @UpdatedAt WHERE trajectory_id = @Id",
            rows, row => [row.Phase, row.UpdatedAt, row.Id]);

    public override Task DeleteParticipationsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string Organisation, string Role)> keys) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "DELETE FROM participants WHERE trajectory_id = @TrajectoryId AND organisation = @Organisation AND role = @Role",
            keys, key => [key.TrajectoryId, key.Organisation, key.Role]);

    public override Task MarkTimersFiredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys, long firedAt) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "UPDATE timers SET fired_at = @firedAt WHERE trajectory_id = @TrajectoryId AND deadline_id = @DeadlineId",
            keys, key => [firedAt, key.TrajectoryId, key.DeadlineId]);

    public override Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO outbox (trajectory_id, sequence, audience, event_type, payload, trace_parent, created_at, shard, recipients) " +
            "VALUES (@TrajectoryId, @Sequence, @Audience, @EventType, @Payload, @TraceParent, @CreatedAt, @Shard, @Recipients)",
            rows, row => [row.TrajectoryId, row.Sequence, row.Audience, row.EventType, row.Payload, row.TraceParent, row.CreatedAt, row.Shard, row.Recipients]);

    public override Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows) =>
        SqliteRows.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO audit (at, trace_id, span_id, activity, actor_organisation, actor_person, trajectory_id, subject_cipher, status) " +
            "VALUES (@At, @TraceId, @SpanId, @Activity, @ActorOrganisation, @ActorPerson, @TrajectoryId, @SubjectCipher, @Status)",
            rows, row => [row.At, row.TraceId, row.SpanId, row.Activity, row.ActorOrganisation, row.ActorPerson, row.TrajectoryId, row.SubjectCipher, row.Status]);
}
