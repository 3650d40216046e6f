using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>
/// The database's ceiling for the engine's writes: exactly the rows, tables and indexes the engine
/// wrote, in transactions of the engine's batch size over as many connections, with no engine and no
/// JSON work. PostgreSQL gets each table's rows as one multi-row statement, all of a transaction's
/// statements in one round trip; SQLite, where a statement is a function call, gets one prepared
/// statement per table run once per row, as the store writes it.
/// </summary>
internal static class StoreCeiling
{
    public static async Task<double> MeasureAsync(StoreSettings settings, IReadOnlyList<CeilingEvent> events, int connections, int batchSize)
    {
        var batches = events.Chunk(batchSize).ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            if (settings.Provider == StoreProvider.Sqlite)
            {
                await using var connection = new SqliteConnection(settings.ConnectionString);
                await connection.OpenAsync();
                await using var pragma = new SqliteCommand("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", connection);
                await pragma.ExecuteNonQueryAsync();
                for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
                {
                    await WriteSqliteAsync(connection, batches[i]);
                }
            }
            else
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync();
                for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
                {
                    await WritePostgresAsync(connection, batches[i]);
                }
            }
        })));
        return events.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task WriteSqliteAsync(SqliteConnection connection, CeilingEvent[] batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO inbox (source, event_id, trajectory_id, result, received_at) VALUES (@a, @b, @c, @d, @e)",
            batch.Select(e => e.Inbox), r => [r.Source, r.EventId, r.TrajectoryId, r.Result, r.ReceivedAt]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO trajectories (id, definition_id, definition_version, phase, outcome, version, sequence, municipality, subject_hash, subject_cipher, " +
            "started_at, updated_at) VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l)",
            batch.Where(e => e.ExpectedVersion is null).Select(e => e.Trajectory),
            r => [r.Id, r.DefinitionId, r.DefinitionVersion, r.Phase, r.Outcome, r.Version, r.Sequence, r.Municipality, r.SubjectHash, r.SubjectCipher, r.StartedAt, r.UpdatedAt]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO participants (trajectory_id, organisation, role, contact_name, contact_id, added_at) VALUES (@a, @b, @c, @d, @e, @f)",
            batch.SelectMany(e => e.Participants), r => [r.TrajectoryId, r.Organisation, r.Role, r.ContactName, r.ContactId, r.AddedAt]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "UPDATE trajectories SET phase = @b, outcome = @c, version = @d, sequence = @e, updated_at = @f WHERE id = @a AND version = @g",
            batch.Where(e => e.ExpectedVersion is not null),
            e => [e.Trajectory.Phase, e.Trajectory.Outcome, e.Trajectory.Version, e.Trajectory.Sequence, e.Trajectory.UpdatedAt, e.Trajectory.Id, e.ExpectedVersion]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "UPDATE participants SET phase = @a, updated_at = @b WHERE trajectory_id = @c",
            batch, e => [e.Trajectory.Phase, e.Trajectory.UpdatedAt, e.Trajectory.Id]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO history (trajectory_id, sequence, event_type, source, event_id, phase, outcome, occurred_at, recorded_at, actor_organisation, " +
            "actor_role, actor_person, data) VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)",
            batch.Select(e => e.History),
            r => [r.TrajectoryId, r.Sequence, r.EventType, r.Source, r.EventId, r.Phase, r.Outcome, r.OccurredAt, r.RecordedAt, r.ActorOrganisation, r.ActorRole, r.ActorPerson, r.Data]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "DELETE FROM timers WHERE trajectory_id = @a AND deadline_id = @b", batch.SelectMany(e => e.TimerDeletes), k => [k.TrajectoryId, k.DeadlineId]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO timers (trajectory_id, deadline_id, event_type, started_on, due_on, fires_at) VALUES (@a, @b, @c, @d, @e, @f) " +
            "ON CONFLICT (trajectory_id, deadline_id) DO UPDATE SET event_type = excluded.event_type, started_on = excluded.started_on, " +
            "due_on = excluded.due_on, fires_at = excluded.fires_at, fired_at = NULL",
            batch.SelectMany(e => e.TimerUpserts), r => [r.TrajectoryId, r.DeadlineId, r.EventType, r.StartedOn, r.DueOn, r.FiresAt]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO outbox (trajectory_id, sequence, audience, event_type, payload, trace_parent, created_at, shard, recipients) " +
            "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)",
            batch.SelectMany(e => e.Outbox), r => [r.TrajectoryId, r.Sequence, r.Audience, r.EventType, r.Payload, r.TraceParent, r.CreatedAt, r.Shard, r.Recipients]);
        await SqliteRows.ExecuteAsync(connection, transaction,
            "INSERT INTO audit (at, trace_id, span_id, activity, actor_organisation, actor_person, trajectory_id, subject_cipher, status) " +
            "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)",
            batch.Select(e => e.Audit), r => [r.At, r.TraceId, r.SpanId, r.Activity, r.ActorOrganisation, r.ActorPerson, r.TrajectoryId, r.SubjectCipher, r.Status]);
        await transaction.CommitAsync();
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, CeilingEvent[] batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var statements = new NpgsqlBatch(connection, transaction);
        void Add(string sql, params (string Name, object Values)[] columns)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, values) in columns)
            {
                command.Parameters.Add(new NpgsqlParameter(name, values));
            }

            statements.BatchCommands.Add(command);
        }

        var inbox = batch.Select(e => e.Inbox).ToArray();
        Add("INSERT INTO inbox (source, event_id, trajectory_id, result, received_at) SELECT * FROM unnest(@a, @b, @c, @d, @e)",
            ("a", inbox.Select(r => r.Source).ToArray()), ("b", inbox.Select(r => r.EventId).ToArray()), ("c", inbox.Select(r => r.TrajectoryId).ToArray()),
            ("d", inbox.Select(r => r.Result).ToArray()), ("e", inbox.Select(r => r.ReceivedAt).ToArray()));
        var inserts = batch.Where(e => e.ExpectedVersion is null).Select(e => e.Trajectory).ToArray();
        if (inserts.Length > 0)
        {
            Add("INSERT INTO trajectories (id, definition_id, definition_version, phase, outcome, version, sequence, municipality, subject_hash, " +
                "subject_cipher, started_at, updated_at) SELECT * FROM unnest(@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l)",
                ("a", inserts.Select(r => r.Id).ToArray()), ("b", inserts.Select(r => r.DefinitionId).ToArray()),
                ("c", inserts.Select(r => r.DefinitionVersion).ToArray()), ("d", inserts.Select(r => r.Phase).ToArray()),
                ("e", inserts.Select(r => r.Outcome).ToArray()), ("f", inserts.Select(r => r.Version).ToArray()), ("g", inserts.Select(r => r.Sequence).ToArray()),
                ("h", inserts.Select(r => r.Municipality).ToArray()), ("i", inserts.Select(r => r.SubjectHash).ToArray()),
                ("j", inserts.Select(r => r.SubjectCipher).ToArray()), ("k", inserts.Select(r => r.StartedAt).ToArray()),
                ("l", inserts.Select(r => r.UpdatedAt).ToArray()));
            var participants = batch.SelectMany(e => e.Participants).ToArray();
            Add("INSERT INTO participants (trajectory_id, organisation, role, contact_name, contact_id, added_at) SELECT * FROM unnest(@a, @b, @c, @d, @e, @f)",
                ("a", participants.Select(r => r.TrajectoryId).ToArray()), ("b", participants.Select(r => r.Organisation).ToArray()),
                ("c", participants.Select(r => r.Role).ToArray()), ("d", participants.Select(r => r.ContactName).ToArray()),
                ("e", participants.Select(r => r.ContactId).ToArray()), ("f", participants.Select(r => r.AddedAt).ToArray()));
        }

        var updates = batch.Where(e => e.ExpectedVersion is not null).ToArray();
        if (updates.Length > 0)
        {
            Add("UPDATE trajectories AS t SET phase = u.phase, outcome = u.outcome, version = u.version, sequence = u.sequence, updated_at = u.updated_at " +
                "FROM unnest(@a, @b, @c, @d, @e, @f, @g) AS u(id, phase, outcome, version, sequence, updated_at, expected) WHERE t.id = u.id AND t.version = u.expected",
                ("a", updates.Select(e => e.Trajectory.Id).ToArray()), ("b", updates.Select(e => e.Trajectory.Phase).ToArray()),
                ("c", updates.Select(e => e.Trajectory.Outcome).ToArray()), ("d", updates.Select(e => e.Trajectory.Version).ToArray()),
                ("e", updates.Select(e => e.Trajectory.Sequence).ToArray()), ("f", updates.Select(e => e.Trajectory.UpdatedAt).ToArray()),
                ("g", updates.Select(e => e.ExpectedVersion!.Value).ToArray()));
        }

        Add("UPDATE participants AS p SET phase = u.phase, updated_at = u.updated_at FROM unnest(@a, @b, @c) AS u(id, phase, updated_at) WHERE p.trajectory_id = u.id",
            ("a", batch.Select(e => e.Trajectory.Id).ToArray()), ("b", batch.Select(e => e.Trajectory.Phase).ToArray()),
            ("c", batch.Select(e => e.Trajectory.UpdatedAt).ToArray()));

        var history = batch.Select(e => e.History).ToArray();
        Add("INSERT INTO history (trajectory_id, sequence, event_type, source, event_id, phase, outcome, occurred_at, recorded_at, actor_organisation, " +
            "actor_role, actor_person, data) SELECT * FROM unnest(@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)",
            ("a", history.Select(r => r.TrajectoryId).ToArray()), ("b", history.Select(r => r.Sequence).ToArray()), ("c", history.Select(r => r.EventType).ToArray()),
            ("d", history.Select(r => r.Source).ToArray()), ("e", history.Select(r => r.EventId).ToArray()), ("f", history.Select(r => r.Phase).ToArray()),
            ("g", history.Select(r => r.Outcome).ToArray()), ("h", history.Select(r => r.OccurredAt).ToArray()), ("i", history.Select(r => r.RecordedAt).ToArray()),
            ("j", history.Select(r => r.ActorOrganisation).ToArray()), ("k", history.Select(r => r.ActorRole).ToArray()),
            ("l", history.Select(r => r.ActorPerson).ToArray()), ("m", history.Select(r => r.Data).ToArray()));
        var deletes = batch.SelectMany(e => e.TimerDeletes).ToArray();
        if (deletes.Length > 0)
        {
            Add("DELETE FROM timers AS t USING unnest(@a, @b) AS k(trajectory_id, deadline_id) WHERE t.trajectory_id = k.trajectory_id AND t.deadline_id = k.deadline_id",
                ("a", deletes.Select(k => k.TrajectoryId).ToArray()), ("b", deletes.Select(k => k.DeadlineId).ToArray()));
        }

        var timers = batch.SelectMany(e => e.TimerUpserts).DistinctBy(r => (r.TrajectoryId, r.DeadlineId)).ToArray();
        if (timers.Length > 0)
        {
            Add("INSERT INTO timers (trajectory_id, deadline_id, event_type, started_on, due_on, fires_at) SELECT * FROM unnest(@a, @b, @c, @d, @e, @f) " +
                "ON CONFLICT (trajectory_id, deadline_id) DO UPDATE SET event_type = excluded.event_type, started_on = excluded.started_on, " +
                "due_on = excluded.due_on, fires_at = excluded.fires_at, fired_at = NULL",
                ("a", timers.Select(r => r.TrajectoryId).ToArray()), ("b", timers.Select(r => r.DeadlineId).ToArray()), ("c", timers.Select(r => r.EventType).ToArray()),
                ("d", timers.Select(r => r.StartedOn).ToArray()), ("e", timers.Select(r => r.DueOn).ToArray()), ("f", timers.Select(r => r.FiresAt).ToArray()));
        }

        var outbox = batch.SelectMany(e => e.Outbox).ToArray();
        Add("INSERT INTO outbox (trajectory_id, sequence, audience, event_type, payload, trace_parent, created_at, shard, recipients) " +
            "SELECT * FROM unnest(@a, @b, @c, @d, @e, @f, @g, @h, @i)",
            ("a", outbox.Select(r => r.TrajectoryId).ToArray()), ("b", outbox.Select(r => r.Sequence).ToArray()), ("c", outbox.Select(r => r.Audience).ToArray()),
            ("d", outbox.Select(r => r.EventType).ToArray()), ("e", outbox.Select(r => r.Payload).ToArray()), ("f", outbox.Select(r => r.TraceParent).ToArray()),
            ("g", outbox.Select(r => r.CreatedAt).ToArray()), ("h", outbox.Select(r => r.Shard).ToArray()), ("i", outbox.Select(r => r.Recipients).ToArray()));
        var audit = batch.Select(e => e.Audit).ToArray();
        Add("INSERT INTO audit (at, trace_id, span_id, activity, actor_organisation, actor_person, trajectory_id, subject_cipher, status) " +
            "SELECT * FROM unnest(@a, @b, @c, @d, @e, @f, @g, @h, @i)",
            ("a", audit.Select(r => r.At).ToArray()), ("b", audit.Select(r => r.TraceId).ToArray()), ("c", audit.Select(r => r.SpanId).ToArray()),
            ("d", audit.Select(r => r.Activity).ToArray()), ("e", audit.Select(r => r.ActorOrganisation).ToArray()), ("f", audit.Select(r => r.ActorPerson).ToArray()),
            ("g", audit.Select(r => r.TrajectoryId).ToArray()), ("h", audit.Select(r => r.SubjectCipher).ToArray()), ("i", audit.Select(r => r.Status).ToArray()));

        await statements.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
