using System.Data.Common;
using System.Reflection;
using Dapper;
using DbUp.Builder;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// One database provider's SQL. Each write takes all rows of a batch, so a batch of events costs
/// the same number of statements as one event: that is what lets group commit pay off.
/// </summary>
internal abstract class StoreDialect(string connectionString)
{
    internal const string TrajectoryColumns =
        "id AS Id, definition_id AS DefinitionId, definition_version AS DefinitionVersion, phase AS Phase, outcome AS Outcome, " +
        "version AS Version, sequence AS Sequence, municipality AS Municipality, subject_hash AS SubjectHash, " +
        "subject_cipher AS SubjectCipher, started_at AS StartedAt, updated_at AS UpdatedAt, channel AS Channel";

    protected const string TimerColumns =
        "trajectory_id AS TrajectoryId, deadline_id AS DeadlineId, event_type AS EventType, started_on AS StartedOn, due_on AS DueOn, " +
        "fires_at AS FiresAt, fired_at AS FiredAt";

    protected string ConnectionString => connectionString;

    /// <summary>Membership of an array parameter: Npgsql sends the array as one value, Dapper spreads it into a list for SQLite.</summary>
    internal string AnyOf(string parameter) => Provider == StoreProvider.PostgreSql ? $"= ANY({parameter})" : $"IN {parameter}";

    public abstract StoreProvider Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Applies the versioned schema scripts of this provider that have not run yet.</summary>
    public void Migrate()
    {
        var result = Deployment()
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains($".Store.Schema.{ScriptFolder}.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Schema script {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    /// <summary>The settings that decide whether a commit survives a crash, as the database reports them.</summary>
    public abstract Task<string> DescribeDurabilityAsync(CancellationToken cancellationToken);

    protected abstract string ScriptFolder { get; }

    protected abstract UpgradeEngineBuilder Deployment();

    public async Task<List<HistoryRow>> HistoryAsync(DbConnection connection, DbTransaction? transaction, string trajectoryId) =>
        (await connection.QueryAsync<HistoryRow>(
            "SELECT trajectory_id AS TrajectoryId, sequence AS Sequence, event_type AS EventType, source AS Source, event_id AS EventId, " +
            "phase AS Phase, outcome AS Outcome, occurred_at AS OccurredAt, recorded_at AS RecordedAt, actor_organisation AS ActorOrganisation, " +
            "actor_role AS ActorRole, actor_person AS ActorPerson, data AS Data FROM history WHERE trajectory_id = @trajectoryId ORDER BY sequence",
            new { trajectoryId }, transaction)).AsList();

    public async Task<List<(string Id, string Phase)>> TrajectoriesOnAsync(DbConnection connection, string definitionId, long version) =>
        (await connection.QueryAsync<(string, string)>(
            "SELECT id, phase FROM trajectories WHERE definition_id = @definitionId AND definition_version = @version ORDER BY id",
            new { definitionId, version })).AsList();

    public async Task<List<TimerRow>> TimersAsync(DbConnection connection, string trajectoryId) =>
        (await connection.QueryAsync<TimerRow>(
            $"SELECT {TimerColumns} FROM timers WHERE trajectory_id = @trajectoryId ORDER BY fires_at, deadline_id", new { trajectoryId })).AsList();

    /// <summary>The running timers of several trajectories at once, for a page of them.</summary>
    public async Task<List<TimerRow>> TimersOfAsync(DbConnection connection, IReadOnlyCollection<string> trajectoryIds) =>
        (await connection.QueryAsync<TimerRow>(
            $"SELECT {TimerColumns} FROM timers WHERE trajectory_id {AnyOf("@trajectoryIds")} ORDER BY trajectory_id, fires_at, deadline_id",
            new { trajectoryIds = trajectoryIds.ToArray() })).AsList();

    public async Task<List<TimerRow>> DueTimersAsync(DbConnection connection, long now, int limit) =>
        (await connection.QueryAsync<TimerRow>(
            $"SELECT {TimerColumns} FROM timers WHERE fired_at IS NULL AND fires_at <= @now ORDER BY fires_at, trajectory_id, deadline_id LIMIT @limit",
            new { now, limit })).AsList();

    public Task DeleteTimerAsync(DbConnection connection, TimerRow timer) =>
        connection.ExecuteAsync(
            "DELETE FROM timers WHERE trajectory_id = @TrajectoryId AND deadline_id = @DeadlineId AND fires_at = @FiresAt", timer);

    public async Task<List<AuditRow>> AuditAsync(DbConnection connection, string trajectoryId) =>
        (await connection.QueryAsync<AuditRow>(
            "SELECT at AS At, trace_id AS TraceId, span_id AS SpanId, activity AS Activity, actor_organisation AS ActorOrganisation, " +
            "actor_person AS ActorPerson, trajectory_id AS TrajectoryId, subject_cipher AS SubjectCipher, status AS Status " +
            "FROM audit WHERE trajectory_id = @trajectoryId ORDER BY at, id", new { trajectoryId })).AsList();

    public async Task<List<ParticipantRow>> ParticipantsAsync(DbConnection connection, string trajectoryId) =>
        (await connection.QueryAsync<ParticipantRow>(
            "SELECT trajectory_id AS TrajectoryId, organisation AS Organisation, role AS Role, contact_name AS ContactName, " +
            "contact_id AS ContactId, added_at AS AddedAt FROM participants WHERE trajectory_id = @trajectoryId ORDER BY added_at, organisation",
            new { trajectoryId })).AsList();

    /// <summary>The participants of several trajectories at once, for a page of them.</summary>
    public async Task<List<ParticipantRow>> ParticipantsOfAsync(DbConnection connection, IReadOnlyCollection<string> trajectoryIds) =>
        (await connection.QueryAsync<ParticipantRow>(
            "SELECT trajectory_id AS TrajectoryId, organisation AS Organisation, role AS Role, contact_name AS ContactName, " +
            $"contact_id AS ContactId, added_at AS AddedAt FROM participants WHERE trajectory_id {AnyOf("@trajectoryIds")} " +
            "ORDER BY trajectory_id, added_at, organisation",
            new { trajectoryIds = trajectoryIds.ToArray() })).AsList();

    /// <summary>A page of the trajectories the query's organisation takes part in, one row more than the page when another follows, and the count if asked.</summary>
    public async Task<(List<TrajectoryRow> Page, long? Total)> ListAsync(DbConnection connection, TrajectoryQuery query)
    {
        var (sql, parameters) = TrajectoryListSql.Page(query);
        var page = (await connection.QueryAsync<TrajectoryRow>(sql, parameters)).AsList();
        if (!query.CountAll)
        {
            return (page, null);
        }

        var (count, countParameters) = TrajectoryListSql.Count(query);
        return (page, await connection.ExecuteScalarAsync<long>(count, countParameters));
    }

    public async Task<List<TrajectoryRow>> OfSubjectAsync(DbConnection connection, string subjectHash) =>
        (await connection.QueryAsync<TrajectoryRow>(
            $"SELECT {TrajectoryColumns} FROM trajectories WHERE subject_hash = @subjectHash ORDER BY started_at DESC, id", new { subjectHash })).AsList();

    /// <summary>
    /// Writes a batch's rows, calling <paramref name="step"/> after each step. False when another writer got
    /// there first (an inbox key or a trajectory version taken): the caller rolls back and plans again.
    /// </summary>
    public virtual async Task<bool> WriteAsync(DbConnection connection, DbTransaction transaction, BatchWrites writes, Func<ApplyStep, Task> step)
    {
        if (await InsertInboxAsync(connection, transaction, writes.Inbox) != writes.Inbox.Count)
        {
            return false;
        }

        await step(ApplyStep.InboxRecorded);
        if ((writes.Inserts.Count > 0 && await InsertTrajectoriesAsync(connection, transaction, writes.Inserts) != writes.Inserts.Count)
            || (writes.Updates.Count > 0 && await UpdateTrajectoriesAsync(connection, transaction, writes.Updates) != writes.Updates.Count))
        {
            return false;
        }

        if (writes.CounsellorReplaced.Count > 0)
        {
            await DeleteParticipantsAsync(connection, transaction, writes.CounsellorReplaced, PartnerRole.DebtCounsellor.WireName());
        }

        // Deleted before the upserts: an organisation unlinked and linked again within the batch takes part.
        if (writes.Unlinked.Count > 0)
        {
            await DeleteParticipationsAsync(connection, transaction, writes.Unlinked);
        }

        if (writes.Participants.Count > 0)
        {
            await UpsertParticipantsAsync(connection, transaction, writes.Participants);
        }

        if (writes.Changed.Count > 0)
        {
            await StampParticipantsAsync(connection, transaction, writes.Changed);
        }

        await step(ApplyStep.TrajectoriesWritten);
        await InsertHistoryAsync(connection, transaction, writes.History);
        await step(ApplyStep.HistoryAppended);
        if (writes.TimersStopped.Count > 0)
        {
            await DeleteAllTimersAsync(connection, transaction, writes.TimersStopped);
        }

        if (writes.TimerDeletes.Count > 0)
        {
            await DeleteTimersAsync(connection, transaction, writes.TimerDeletes);
        }

        if (writes.TimerUpserts.Count > 0)
        {
            await UpsertTimersAsync(connection, transaction, writes.TimerUpserts);
        }

        if (writes.TimersFired.Count > 0)
        {
            await MarkTimersFiredAsync(connection, transaction, writes.TimersFired, writes.FiredAt);
        }

        await step(ApplyStep.TimersSet);
        await InsertOutboxAsync(connection, transaction, writes.Outbox);
        if (writes.Outbox.Count > 0)
        {
            await NotifyCommitAsync(connection, transaction);
        }

        await step(ApplyStep.OutboxWritten);
        await InsertAuditAsync(connection, transaction, writes.Audit);
        await step(ApplyStep.AuditWritten);
        return true;
    }

    public abstract Task<List<(string TrajectoryId, string Organisation, string Role)>> ParticipationAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> trajectoryIds);

    public abstract Task UpsertParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ParticipantRow> rows);

    public abstract Task DeleteParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds, string role);

    /// <summary>Copies each trajectory's phase and change time to its participant rows, which the per-organisation list reads in order.</summary>
    public abstract Task StampParticipantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows);

    /// <summary>Deletes the participant rows with these keys: one organisation in one role of one trajectory each.</summary>
    public abstract Task DeleteParticipationsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string Organisation, string Role)> keys);

    public abstract Task MarkTimersFiredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys, long firedAt);

    public abstract Task<Dictionary<(string Source, string Id), string>> FindInboxAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<(string Source, string Id)> keys);

    public abstract Task<List<TrajectoryRow>> FindTrajectoriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> ids);

    /// <summary>Inserts inbox rows whose key is new; returns how many were new.</summary>
    public abstract Task<int> InsertInboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxRow> rows);

    /// <summary>Inserts trajectories whose id is new; returns how many were new.</summary>
    public abstract Task<int> InsertTrajectoriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TrajectoryRow> rows);

    /// <summary>Updates trajectories still at their expected version; returns how many were.</summary>
    public abstract Task<int> UpdateTrajectoriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(TrajectoryRow Row, long ExpectedVersion)> rows);

    public abstract Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HistoryRow> rows);

    public abstract Task DeleteTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string TrajectoryId, string DeadlineId)> keys);

    public abstract Task DeleteAllTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> trajectoryIds);

    public abstract Task UpsertTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TimerRow> rows);

    public abstract Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxRow> rows);

    /// <summary>Tells the other hosts on the database, once this transaction commits, that it wrote outbox rows; nothing where no other host can share the database.</summary>
    public virtual Task NotifyCommitAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;

    /// <summary>Calls <paramref name="signal"/> when another host's commit wrote outbox rows, until disposed; null where no other host can share the database.</summary>
    public virtual IAsyncDisposable? ListenForOtherHosts(Action signal) => null;

    public abstract Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows);
}

public enum StoreProvider
{
    Sqlite,
    PostgreSql,
}
