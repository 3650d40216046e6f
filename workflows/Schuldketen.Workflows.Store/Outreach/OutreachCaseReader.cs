using Dapper;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Outreach;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>A municipality's outreach cases that were open during a period, each with its history, in two reads.</summary>
public sealed class OutreachCaseReader(TrajectoryStore store)
{
    public async Task<IReadOnlyList<OutreachCaseRecord>> OpenDuringAsync(string municipality, ReportPeriod period, CancellationToken cancellationToken)
    {
        // A closed case takes no more events, so one last changed before the period closed before it.
        const string Cases =
            "SELECT c.trajectory_id FROM outreach_cases c JOIN trajectories t ON t.id = c.trajectory_id " +
            "WHERE c.municipality = @municipality AND c.opened_at < @end AND (t.outcome IS NULL OR t.updated_at >= @start)";
        var parameters = new
        {
            municipality,
            start = DutchTime.StartOfDay(period.From).ToUnixTimeMilliseconds(),
            end = DutchTime.StartOfDay(period.To.AddDays(1)).ToUnixTimeMilliseconds(),
        };
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var cases = (await connection.QueryAsync<(string TrajectoryId, long OpenedAt, long PeriodEndsAt, string? SubjectCipher)>(
            "SELECT c.trajectory_id, c.opened_at, c.period_ends_at, t.subject_cipher FROM outreach_cases c JOIN trajectories t ON t.id = c.trajectory_id " +
            $"WHERE c.trajectory_id IN ({Cases})", parameters)).AsList();
        var history = (await connection.QueryAsync<HistoryRow>(
            "SELECT trajectory_id AS TrajectoryId, sequence AS Sequence, event_type AS EventType, source AS Source, event_id AS EventId, " +
            "phase AS Phase, outcome AS Outcome, occurred_at AS OccurredAt, recorded_at AS RecordedAt, actor_organisation AS ActorOrganisation, " +
            $"actor_role AS ActorRole, actor_person AS ActorPerson, data AS Data FROM history WHERE trajectory_id IN ({Cases}) ORDER BY trajectory_id, sequence",
            parameters)).ToLookup(row => row.TrajectoryId, row => row.ToEntry(), StringComparer.Ordinal);
        return cases.Select(row => new OutreachCaseRecord(
                row.TrajectoryId,
                DateTimeOffset.FromUnixTimeMilliseconds(row.OpenedAt),
                DateTimeOffset.FromUnixTimeMilliseconds(row.PeriodEndsAt),
                history[row.TrajectoryId].ToList(),
                row.SubjectCipher))
            .ToList();
    }
}
