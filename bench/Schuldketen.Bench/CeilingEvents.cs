using System.Data.Common;
using Dapper;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Bench;

/// <summary>
/// Reads back what the engine wrote for the run's trajectories and splits it per event: the inbox,
/// history, outbox and audit rows as stored; the trajectory row at each version; the timers each
/// event set or stopped, worked out by the deadline clock as the apply path does. All of it before the clock starts.
/// </summary>
internal static class CeilingEvents
{
    public static async Task<IReadOnlyList<CeilingEvent>> ReadAsync(DbConnection connection, string prefix, DefinitionLibrary library, DeadlineClock clock)
    {
        var like = prefix + "-%";
        var trajectories = (await connection.QueryAsync<TrajectoryRow>(
            "SELECT id AS Id, definition_id AS DefinitionId, definition_version AS DefinitionVersion, phase AS Phase, outcome AS Outcome, " +
            "version AS Version, sequence AS Sequence, municipality AS Municipality, subject_hash AS SubjectHash, subject_cipher AS SubjectCipher, " +
            "started_at AS StartedAt, updated_at AS UpdatedAt, channel AS Channel FROM trajectories WHERE id LIKE @like", new { like })).ToDictionary(row => row.Id);
        var history = (await connection.QueryAsync<HistoryRow>(
            "SELECT trajectory_id AS TrajectoryId, sequence AS Sequence, event_type AS EventType, source AS Source, event_id AS EventId, " +
            "phase AS Phase, outcome AS Outcome, occurred_at AS OccurredAt, recorded_at AS RecordedAt, actor_organisation AS ActorOrganisation, " +
            "actor_role AS ActorRole, actor_person AS ActorPerson, data AS Data FROM history WHERE trajectory_id LIKE @like " +
            "ORDER BY trajectory_id, sequence", new { like })).ToLookup(row => row.TrajectoryId);
        var inbox = (await connection.QueryAsync<InboxRow>(
            "SELECT source AS Source, event_id AS EventId, trajectory_id AS TrajectoryId, result AS Result, received_at AS ReceivedAt " +
            "FROM inbox WHERE trajectory_id LIKE @like", new { like })).ToDictionary(row => (row.Source, row.EventId));
        var outbox = (await connection.QueryAsync<OutboxRow>(
            "SELECT trajectory_id AS TrajectoryId, sequence AS Sequence, audience AS Audience, event_type AS EventType, payload AS Payload, " +
            "trace_parent AS TraceParent, created_at AS CreatedAt, shard AS Shard, recipients AS Recipients FROM outbox " +
            "WHERE trajectory_id LIKE @like ORDER BY id", new { like })).ToLookup(row => (row.TrajectoryId, row.Sequence));
        var audit = (await connection.QueryAsync<AuditRow>(
            "SELECT at AS At, trace_id AS TraceId, span_id AS SpanId, activity AS Activity, actor_organisation AS ActorOrganisation, " +
            "actor_person AS ActorPerson, trajectory_id AS TrajectoryId, subject_cipher AS SubjectCipher, status AS Status FROM audit " +
            "WHERE trajectory_id LIKE @like ORDER BY id", new { like })).ToLookup(row => row.TrajectoryId!);
        var participants = (await connection.QueryAsync<ParticipantRow>(
            "SELECT trajectory_id AS TrajectoryId, organisation AS Organisation, role AS Role, contact_name AS ContactName, " +
            "contact_id AS ContactId, added_at AS AddedAt FROM participants WHERE trajectory_id LIKE @like", new { like })).ToLookup(row => row.TrajectoryId);

        var events = new List<CeilingEvent>();
        foreach (var (id, final) in trajectories)
        {
            var definition = library.Get(new DefinitionKey(final.DefinitionId, (int)final.DefinitionVersion));
            var entries = history[id].ToList();
            var audits = audit[id].ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var isStart = i == 0;
                var row = final with { Phase = entry.Phase, Outcome = entry.Outcome, Version = i + 1, Sequence = entry.Sequence, UpdatedAt = entry.RecordedAt };
                var entered = isStart || entry.Phase != entries[i - 1].Phase ? entry.Phase : null;
                var changes = clock.Changes(definition, entry.EventType, entered, DateTimeOffset.FromUnixTimeMilliseconds(entry.OccurredAt).ToDutchDate(), isStart);
                events.Add(new CeilingEvent(
                    inbox[(entry.Source, entry.EventId)],
                    row,
                    isStart ? null : i,
                    isStart ? participants[id].ToList() : [],
                    entry,
                    changes.Stopped.Select(deadline => (id, deadline)).ToList(),
                    changes.Started.Select(open => new TimerRow(id, open.Deadline.Id, open.Deadline.OnExpiry, open.StartedOn.ToString("O"),
                        open.DueOn.ToString("O"), open.ExpiresAt.ToUnixTimeMilliseconds())).ToList(),
                    outbox[(id, entry.Sequence)].ToList(),
                    audits[i]));
            }
        }

        // Round by round, as the partners sent them: every trajectory's first event, then every second one, and so on.
        return events.Select((e, index) => (e, index)).OrderBy(pair => pair.e.History.Sequence).ThenBy(pair => pair.index).Select(pair => pair.e).ToList();
    }
}
