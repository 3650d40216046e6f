using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Npgsql;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// PostgreSQL: every write of a batch is one statement over arrays (<c>unnest</c>), so a batch
/// costs a handful of round trips however many events it holds.
/// </summary>
internal sealed class PostgresDialect(string connectionString) : StoreDialect(connectionString), IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>Who this store is in the commit notices, so it does not wake itself twice.</summary>
    private readonly string storeId = Guid.NewGuid().ToString("N");

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    protected override string ScriptFolder => "postgresql";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public override Task NotifyCommitAsync(DbConnection connection, DbTransaction transaction) => RunAsync(connection, transaction, NotifyCommit());

    private NpgsqlBatchCommand NotifyCommit() => new($"NOTIFY {PostgresCommitFeed.Channel}, '{storeId}'");

    public override IAsyncDisposable ListenForOtherHosts(Action signal) => new PostgresCommitFeed(dataSource, storeId, signal);

    public override async Task<string> DescribeDurabilityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var synchronousCommit = await connection.ExecuteScalarAsync<string>("SHOW synchronous_commit");
        var fsync = await connection.ExecuteScalarAsync<string>("SHOW fsync");
        return $"synchronous_commit={synchronousCommit} fsync={fsync}";
    }

    protected override UpgradeEngineBuilder Deployment()
    {
        EnsureDatabase.For.PostgresqlDatabase(ConnectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        return DeployChanges.To.PostgresqlDatabase(ConnectionString);
    }

    public override async Task<Dictionary<(string Source, string Id), string>> FindInboxAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<(string Source, string Id)> keys)
    {
        var rows = await connection.QueryAsync<(string Source, string EventId, string Result)>(
            "SELECT i.source, i.event_id, i.result FROM inbox i " +
            "JOIN unnest(@sources, @ids) AS k(source, event_id) ON i.source = k.source AND i.event_id = k.event_id",
            new { sources = keys.Select(key => key.Source).ToArray(), ids = keys.Select(key => key.Id).ToArray() },
            transaction);
        return rows.ToDictionary(row => (row.Source, row.EventId), row => row.Result);
    }

    public override async Task<List<TrajectoryRow>> FindTrajectoriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> ids) =>
        (await connection.QueryAsync<TrajectoryRow>(
            // Inside a transaction the rows are locked in id order: concurrent writers of one trajectory queue
            // instead of failing their version check, and cannot deadlock on each other.
            $"SELECT {TrajectoryColumns} FROM trajectories WHERE id = ANY(@ids) ORDER BY id{(transaction is null ? "" : " FOR UPDATE")}",
            new { ids = ids.ToArray() }, transaction)).AsList();

    public override Task<int> InsertInboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxRow> rows) =>
        RunAsync(connection, transaction, InsertInbox(rows));

    private static NpgsqlBatchCommand InsertInbox(IReadOnlyList<InboxRow> rows) =>
        Statement(
            "INSERT INTO inbox (source, event_id, trajectory_id, result, received_at) " +
            "SELECT * FROM unnest(@Source, @EventId, @TrajectoryId, @Result, @ReceivedAt) ON CONFLICT DO NOTHING",
            ("Source", rows.Select(row => row.Source).ToArray()),
            ("EventId", rows.Select(row => row.EventId).ToArray()),
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("Result", rows.Select(row => row.Result).ToArray()),
            ("ReceivedAt", rows.Select(row => row.ReceivedAt).ToArray()));

    public override Task<int> InsertTrajectoriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows) =>
        RunAsync(connection, transaction, InsertTrajectories(rows));

    private static NpgsqlBatchCommand InsertTrajectories(IReadOnlyList<TrajectoryRow> rows) =>
        Statement(
            "INSERT INTO trajectories (id, definition_id, definition_version, phase, outcome, version, sequence, municipality, subject_hash, subject_cipher, started_at, updated_at, channel) " +
            "SELECT * FROM unnest(@Id, @DefinitionId, @DefinitionVersion, @Phase, @Outcome, @Version, @Sequence, @Municipality, @SubjectHash, @SubjectCipher, @StartedAt, @UpdatedAt, @Channel) " +
            "ON CONFLICT DO NOTHING",
            ("Id", rows.Select(row => row.Id).ToArray()),
            ("DefinitionId", rows.Select(row => row.DefinitionId).ToArray()),
            ("DefinitionVersion", rows.Select(row => row.DefinitionVersion).ToArray()),
            ("Phase", rows.Select(row => row.Phase).ToArray()),
            ("Outcome", rows.Select(row => row.Outcome).ToArray()),
            ("Version", rows.Select(row => row.Version).ToArray()),
            ("Sequence", rows.Select(row => row.Sequence).ToArray()),
            ("Municipality", rows.Select(row => row.Municipality).ToArray()),
            ("SubjectHash", rows.Select(row => row.SubjectHash).ToArray()),
            ("SubjectCipher", rows.Select(row => row.SubjectCipher).ToArray()),
            ("StartedAt", rows.Select(row => row.StartedAt).ToArray()),
            ("UpdatedAt", rows.Select(row => row.UpdatedAt).ToArray()),
            ("Channel", rows.Select(row => row.Channel).ToArray()));

    public override Task<int> UpdateTrajectoriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(TrajectoryRow Row, long ExpectedVersion)> rows) =>
        RunAsync(connection, transaction, UpdateTrajectories(rows));

    private static NpgsqlBatchCommand UpdateTrajectories(IReadOnlyList<(TrajectoryRow Row, long ExpectedVersion)> rows) =>
        Statement(
            "UPDATE trajectories AS t SET definition_version = u.definition_version, phase = u.phase, outcome = u.outcome, " +
            "version = u.version, sequence = u.sequence, updated_at = u.updated_at " +
            "FROM unnest(@Id, @DefinitionVersion, @Phase, @Outcome, @Version, @Sequence, @UpdatedAt, @ExpectedVersion) " +
            "AS u(id, definition_version, phase, outcome, version, sequence, updated_at, expected_version) " +
            "WHERE t.id = u.id AND t.version = u.expected_version",
            ("Id", rows.Select(update => update.Row.Id).ToArray()),
            ("DefinitionVersion", rows.Select(update => update.Row.DefinitionVersion).ToArray()),
            ("Phase", rows.Select(update => update.Row.Phase).ToArray()),
            ("Outcome", rows.Select(update => update.Row.Outcome).ToArray()),
            ("Version", rows.Select(update => update.Row.Version).ToArray()),
            ("Sequence", rows.Select(update => update.Row.Sequence).ToArray()),
            ("UpdatedAt", rows.Select(update => update.Row.UpdatedAt).ToArray()),
            ("ExpectedVersion", rows.Select(update => update.ExpectedVersion).ToArray()));

    public override Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HistoryRow> rows) =>
        RunAsync(connection, transaction, InsertHistory(rows));

    private static NpgsqlBatchCommand InsertHistory(IReadOnlyList<HistoryRow> rows) =>
        Statement(
            "INSERT INTO history (trajectory_id, sequence, event_type, source, event_id, phase, outcome, occurred_at, recorded_at, actor_organisation, actor_role, actor_person, data) " +
            "SELECT * FROM unnest(@TrajectoryId, @Sequence, @EventType, @Source, @EventId, @Phase, @Outcome, @OccurredAt, @RecordedAt, @ActorOrganisation, @ActorRole, @ActorPerson, @Data)",
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("Sequence", rows.Select(row => row.Sequence).ToArray()),
            ("EventType", rows.Select(row => row.EventType).ToArray()),
            ("Source", rows.Select(row => row.Source).ToArray()),
            ("EventId", rows.Select(row => row.EventId).ToArray()),
            ("Phase", rows.Select(row => row.Phase).ToArray()),
            ("Outcome", rows.Select(row => row.Outcome).ToArray()),
            ("OccurredAt", rows.Select(row => row.OccurredAt).ToArray()),
            ("RecordedAt", rows.Select(row => row.RecordedAt).ToArray()),
            ("ActorOrganisation", rows.Select(row => row.ActorOrganisation).ToArray()),
            ("ActorRole", rows.Select(row => row.ActorRole).ToArray()),
            ("ActorPerson", rows.Select(row => row.ActorPerson).ToArray()),
            ("Data", rows.Select(row => row.Data).ToArray()));

    public override Task DeleteTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys) =>
        RunAsync(connection, transaction, DeleteTimers(keys));

    private static NpgsqlBatchCommand DeleteTimers(IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys) =>
        Statement(
            "DELETE FROM timers AS t USING unnest(@TrajectoryId, @DeadlineId) AS k(trajectory_id, deadline_id) " +
            "WHERE t.trajectory_id = k.trajectory_id AND t.deadline_id = k.deadline_id",
            ("TrajectoryId", keys.Select(key => key.TrajectoryId).ToArray()),
            ("DeadlineId", keys.Select(key => key.DeadlineId).ToArray()));

    public override Task DeleteAllTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds) =>
        RunAsync(connection, transaction, DeleteAllTimers(trajectoryIds));

    private static NpgsqlBatchCommand DeleteAllTimers(IReadOnlyList<string> trajectoryIds) =>
        Statement("DELETE FROM timers WHERE trajectory_id = ANY(@ids)", ("ids", trajectoryIds.ToArray()));

    public override Task UpsertTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TimerRow> rows) =>
        RunAsync(connection, transaction, UpsertTimers(rows));

    private static NpgsqlBatchCommand UpsertTimers(IReadOnlyList<TimerRow> rows) =>
        Statement(
            "INSERT INTO timers (trajectory_id, deadline_id, event_type, started_on, due_on, fires_at) " +
            "SELECT * FROM unnest(@TrajectoryId, @DeadlineId, @EventType, @StartedOn, @DueOn, @FiresAt) " +
            "ON CONFLICT (trajectory_id, deadline_id) DO UPDATE SET event_type = excluded.event_type, started_on = excluded.started_on, " +
            "due_on = excluded.due_on, fires_at = excluded.fires_at, fired_at = NULL",
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("DeadlineId", rows.Select(row => row.DeadlineId).ToArray()),
            ("EventType", rows.Select(row => row.EventType).ToArray()),
            ("StartedOn", rows.Select(row => row.StartedOn).ToArray()),
            ("DueOn", rows.Select(row => row.DueOn).ToArray()),
            ("FiresAt", rows.Select(row => row.FiresAt).ToArray()));

    public override async Task<List<(string TrajectoryId, string Organisation, string Role)>> ParticipationAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> trajectoryIds) =>
        (await connection.QueryAsync<(string, string, string)>(
            "SELECT trajectory_id, organisation, role FROM participants WHERE trajectory_id = ANY(@ids)", new { ids = trajectoryIds.ToArray() }, transaction)).AsList();

    public override Task UpsertParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ParticipantRow> rows) =>
        RunAsync(connection, transaction, UpsertParticipants(rows));

    private static NpgsqlBatchCommand UpsertParticipants(IReadOnlyList<ParticipantRow> rows) =>
        Statement(
            "INSERT INTO participants (trajectory_id, organisation, role, contact_name, contact_id, added_at) " +
            "SELECT * FROM unnest(@TrajectoryId, @Organisation, @Role, @ContactName, @ContactId, @AddedAt) " +
            "ON CONFLICT (trajectory_id, organisation, role) DO UPDATE SET contact_name = excluded.contact_name, contact_id = excluded.contact_id",
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("Organisation", rows.Select(row => row.Organisation).ToArray()),
            ("Role", rows.Select(row => row.Role).ToArray()),
            ("ContactName", rows.Select(row => row.ContactName).ToArray()),
            ("ContactId", rows.Select(row => row.ContactId).ToArray()),
            ("AddedAt", rows.Select(row => row.AddedAt).ToArray()));

    public override Task DeleteParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds, string role) =>
        RunAsync(connection, transaction, DeleteParticipants(trajectoryIds, role));

    private static NpgsqlBatchCommand DeleteParticipants(IReadOnlyList<string> trajectoryIds, string role) =>
        Statement("DELETE FROM participants WHERE trajectory_id = ANY(@ids) AND role = @role", ("ids", trajectoryIds.ToArray()), ("role", role));

    public override Task StampParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows) =>
        RunAsync(connection, transaction, StampParticipants(rows));

    private static NpgsqlBatchCommand StampParticipants(IReadOnlyList<TrajectoryRow> rows) =>
        Statement(
            "UPDATE participants AS p SET phase = u.phase, updated_at = u.updated_at FROM unnest(@Id, @Phase, @UpdatedAt) AS u(id, phase, updated_at) " +
            "WHERE p.trajectory_id = u.id",
            ("Id", rows.Select(row => row.Id).ToArray()),
            ("Phase", rows.Select(row => row.Phase).ToArray()),
            ("UpdatedAt", rows.Select(row => row.UpdatedAt).ToArray()));

    public override Task DeleteParticipationsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string Organisation, string Role)> keys) =>
        RunAsync(connection, transaction, DeleteParticipations(keys));

    private static NpgsqlBatchCommand DeleteParticipations(IReadOnlyList<(string TrajectoryId, string Organisation, string Role)> keys) =>
        Statement(
            "DELETE FROM participants AS p USING unnest(@TrajectoryId, @Organisation, @Role) AS k(trajectory_id, organisation, role) " +
            "WHERE p.trajectory_id = k.trajectory_id AND p.organisation = k.organisation AND p.role = k.role",
            ("TrajectoryId", keys.Select(key => key.TrajectoryId).ToArray()),
            ("Organisation", keys.Select(key => key.Organisation).ToArray()),
            ("Role", keys.Select(key => key.Role).ToArray()));

    public override Task MarkTimersFiredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys, long firedAt) =>
        RunAsync(connection, transaction, MarkTimersFired(keys, firedAt));

    private static NpgsqlBatchCommand MarkTimersFired(IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys, long firedAt) =>
        Statement(
            "UPDATE timers AS t SET fired_at = @firedAt FROM unnest(@TrajectoryId, @DeadlineId) AS k(trajectory_id, deadline_id) " +
            "WHERE t.trajectory_id = k.trajectory_id AND t.deadline_id = k.deadline_id",
            ("TrajectoryId", keys.Select(key => key.TrajectoryId).ToArray()),
            ("DeadlineId", keys.Select(key => key.DeadlineId).ToArray()),
            ("firedAt", firedAt));

    public override Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxRow> rows) =>
        RunAsync(connection, transaction, InsertOutbox(rows));

    private static NpgsqlBatchCommand InsertOutbox(IReadOnlyList<OutboxRow> rows) =>
        Statement(
            "INSERT INTO outbox (trajectory_id, sequence, audience, event_type, payload, trace_parent, created_at, shard, recipients) " +
            "SELECT * FROM unnest(@TrajectoryId, @Sequence, @Audience, @EventType, @Payload, @TraceParent, @CreatedAt, @Shard, @Recipients)",
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("Sequence", rows.Select(row => row.Sequence).ToArray()),
            ("Audience", rows.Select(row => row.Audience).ToArray()),
            ("EventType", rows.Select(row => row.EventType).ToArray()),
            ("Payload", rows.Select(row => row.Payload).ToArray()),
            ("TraceParent", rows.Select(row => row.TraceParent).ToArray()),
            ("CreatedAt", rows.Select(row => row.CreatedAt).ToArray()),
            ("Shard", rows.Select(row => row.Shard).ToArray()),
            ("Recipients", rows.Select(row => row.Recipients).ToArray()));

    public override Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows) =>
        RunAsync(connection, transaction, InsertAudit(rows));

    private static NpgsqlBatchCommand InsertAudit(IReadOnlyList<AuditRow> rows) =>
        Statement(
            "INSERT INTO audit (at, trace_id, span_id, activity, actor_organisation, actor_person, trajectory_id, subject_cipher, status) " +
            "SELECT * FROM unnest(@At, @TraceId, @SpanId, @Activity, @ActorOrganisation, @ActorPerson, @TrajectoryId, @SubjectCipher, @Status)",
            ("At", rows.Select(row => row.At).ToArray()),
            ("TraceId", rows.Select(row => row.TraceId).ToArray()),
            ("SpanId", rows.Select(row => row.SpanId).ToArray()),
            ("Activity", rows.Select(row => row.Activity).ToArray()),
            ("ActorOrganisation", rows.Select(row => row.ActorOrganisation).ToArray()),
            ("ActorPerson", rows.Select(row => row.ActorPerson).ToArray()),
            ("TrajectoryId", rows.Select(row => row.TrajectoryId).ToArray()),
            ("SubjectCipher", rows.Select(row => row.SubjectCipher).ToArray()),
            ("Status", rows.Select(row => row.Status).ToArray()));

    /// <summary>
    /// All of a batch's writes in one round trip: the statements run in order in the transaction, and the
    /// inbox and trajectory counts are checked afterwards (a mismatch, or a key another writer just took,
    /// means the batch must be planned again; the caller rolls back everything this sent).
    /// </summary>
    public override async Task<bool> WriteAsync(DbConnection connection, DbTransaction transaction, BatchWrites writes, Func<ApplyStep, Task> step)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        NpgsqlBatchCommand Add(NpgsqlBatchCommand command)
        {
            batch.BatchCommands.Add(command);
            return command;
        }

        var inbox = Add(InsertInbox(writes.Inbox));
        var inserts = writes.Inserts.Count > 0 ? Add(InsertTrajectories(writes.Inserts)) : null;
        var updates = writes.Updates.Count > 0 ? Add(UpdateTrajectories(writes.Updates)) : null;
        if (writes.CounsellorReplaced.Count > 0)
        {
            Add(DeleteParticipants(writes.CounsellorReplaced, PartnerRole.DebtCounsellor.WireName()));
        }

        if (writes.Unlinked.Count > 0)
        {
            Add(DeleteParticipations(writes.Unlinked));
        }

        if (writes.Participants.Count > 0)
        {
            Add(UpsertParticipants(writes.Participants));
        }

        if (writes.Changed.Count > 0)
        {
            Add(StampParticipants(writes.Changed));
        }

        Add(InsertHistory(writes.History));
        if (writes.TimersStopped.Count > 0)
        {
            Add(DeleteAllTimers(writes.TimersStopped));
        }

        if (writes.TimerDeletes.Count > 0)
        {
            Add(DeleteTimers(writes.TimerDeletes));
        }

        if (writes.TimerUpserts.Count > 0)
        {
            Add(UpsertTimers(writes.TimerUpserts));
        }

        if (writes.TimersFired.Count > 0)
        {
            Add(MarkTimersFired(writes.TimersFired, writes.FiredAt));
        }

        Add(InsertOutbox(writes.Outbox));
        if (writes.Outbox.Count > 0)
        {
            Add(NotifyCommit());
        }

        Add(InsertAudit(writes.Audit));
        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }

        if (inbox.RecordsAffected != writes.Inbox.Count
            || (inserts is not null && inserts.RecordsAffected != writes.Inserts.Count)
            || (updates is not null && updates.RecordsAffected != writes.Updates.Count))
        {
            return false;
        }

        foreach (var done in Enum.GetValues<ApplyStep>())
        {
            await step(done);
        }

        return true;
    }

    private static NpgsqlBatchCommand Statement(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        return command;
    }

    private static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, NpgsqlBatchCommand command)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction) { BatchCommands = { command } };
        await batch.ExecuteNonQueryAsync();
        return command.RecordsAffected;
    }
}
