using Microsoft.Data.Sqlite;

namespace Schuldketen.Bench;

/// <summary>The ceiling's SQLite statements, prepared once on one connection and run once per row in each batch's transaction.</summary>
internal sealed class SqliteStatements(SqliteConnection connection)
{
    private readonly Statement inbox = new(connection, "INSERT INTO inbox (source, event_id, trajectory_id, result, received_at) VALUES (@a, @b, @c, @d, @e)");

    private readonly Statement trajectory = new(connection,
        "INSERT INTO trajectories (id, definition_id, definition_version, phase, outcome, version, sequence, municipality, subject_hash, subject_cipher, " +
        "started_at, updated_at) VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l)");

    private readonly Statement participant = new(connection,
        "INSERT INTO participants (trajectory_id, organisation, role, contact_name, contact_id, added_at) VALUES (@a, @b, @c, @d, @e, @f)");

    private readonly Statement update = new(connection,
        "UPDATE trajectories SET phase = @b, outcome = @c, version = @d, sequence = @e, updated_at = @f WHERE id = @a AND version = @g");

    private readonly Statement history = new(connection,
        "INSERT INTO history (trajectory_id, sequence, event_type, source, event_id, phase, outcome, occurred_at, recorded_at, actor_organisation, " +
        "actor_role, actor_person, data) VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)");

    private readonly Statement timerDelete = new(connection, "DELETE FROM timers WHERE trajectory_id = @a AND deadline_id = @b");

    private readonly Statement timer = new(connection,
        "INSERT INTO timers (trajectory_id, deadline_id, event_type, started_on, due_on, fires_at) VALUES (@a, @b, @c, @d, @e, @f) " +
        "ON CONFLICT (trajectory_id, deadline_id) DO UPDATE SET event_type = excluded.event_type, started_on = excluded.started_on, " +
        "due_on = excluded.due_on, fires_at = excluded.fires_at, fired_at = NULL");

    private readonly Statement outbox = new(connection,
        "INSERT INTO outbox (trajectory_id, sequence, audience, event_type, payload, trace_parent, created_at, shard, recipients) " +
        "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)");

    private readonly Statement audit = new(connection,
        "INSERT INTO audit (at, trace_id, span_id, activity, actor_organisation, actor_person, trajectory_id, subject_cipher, status) " +
        "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)");

    public void Write(CeilingEvent[] batch)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var e in batch)
        {
            var i = e.Inbox;
            inbox.Run(transaction, i.Source, i.EventId, i.TrajectoryId, i.Result, i.ReceivedAt);
            var t = e.Trajectory;
            if (e.ExpectedVersion is { } expected)
            {
                update.Run(transaction, t.Id, t.Phase, t.Outcome, t.Version, t.Sequence, t.UpdatedAt, expected);
            }
            else
            {
                trajectory.Run(transaction, t.Id, t.DefinitionId, t.DefinitionVersion, t.Phase, t.Outcome, t.Version, t.Sequence, t.Municipality,
                    t.SubjectHash, t.SubjectCipher, t.StartedAt, t.UpdatedAt);
            }

            foreach (var p in e.Participants)
            {
                participant.Run(transaction, p.TrajectoryId, p.Organisation, p.Role, p.ContactName, p.ContactId, p.AddedAt);
            }

            var h = e.History;
            history.Run(transaction, h.TrajectoryId, h.Sequence, h.EventType, h.Source, h.EventId, h.Phase, h.Outcome, h.OccurredAt, h.RecordedAt,
                h.ActorOrganisation, h.ActorRole, h.ActorPerson, h.Data);
            foreach (var (trajectoryId, deadlineId) in e.TimerDeletes)
            {
                timerDelete.Run(transaction, trajectoryId, deadlineId);
            }

            foreach (var r in e.TimerUpserts)
            {
                timer.Run(transaction, r.TrajectoryId, r.DeadlineId, r.EventType, r.StartedOn, r.DueOn, r.FiresAt);
            }

            foreach (var o in e.Outbox)
            {
                outbox.Run(transaction, o.TrajectoryId, o.Sequence, o.Audience, o.EventType, o.Payload, o.TraceParent, o.CreatedAt, o.Shard, o.Recipients);
            }

            var a = e.Audit;
            audit.Run(transaction, a.At, a.TraceId, a.SpanId, a.Activity, a.ActorOrganisation, a.ActorPerson, a.TrajectoryId, a.SubjectCipher, a.Status);
        }

        transaction.Commit();
    }

    private sealed class Statement
    {
        private readonly SqliteCommand command;

        public Statement(SqliteConnection connection, string sql)
        {
            command = new SqliteCommand(sql, connection);
            var names = sql.Split('@').Skip(1).Select(part => "@" + new string(part.TakeWhile(char.IsLetter).ToArray())).Distinct().Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        public void Run(SqliteTransaction transaction, params object?[] values)
        {
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }
}
