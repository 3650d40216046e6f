using Npgsql;

namespace Schuldketen.Faults.Tests;

/// <summary>One row of a trajectory's history in the database.</summary>
internal sealed record HistoryRow(string Trajectory, long Sequence, string EventId);

/// <summary>
/// Checks the database against the sender's ledger: every event id once in history, each trajectory's
/// history numbered 1, 2, 3 ... without gaps, and its partner events exactly the accepted ones, in the order sent.
/// </summary>
internal static class History
{
    /// <summary>The sequence each accepted event got, once every check passed.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> AssertMatchesLedgerAsync(
        string database, IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys, Ledger ledger)
    {
        var trajectories = journeys.Select(journey => journey[0].Trajectory).ToArray();
        var rows = await ReadAsync(database, trajectories);

        var repeated = rows.GroupBy(row => row.EventId).Where(same => same.Count() > 1).Select(same => same.Key).ToList();
        Assert.True(repeated.Count == 0, $"{repeated.Count} event ids are in history more than once, e.g. {string.Join(", ", repeated.Take(5))}");

        var byTrajectory = rows.GroupBy(row => row.Trajectory).ToDictionary(group => group.Key, group => group.OrderBy(row => row.Sequence).ToList());
        var problems = new List<string>();
        foreach (var journey in journeys)
        {
            var trajectory = journey[0].Trajectory;
            var history = byTrajectory.GetValueOrDefault(trajectory) ?? [];
            var numbers = history.Select(row => row.Sequence).ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count).Select(number => (long)number)))
            {
                problems.Add($"{trajectory}: history sequences {string.Join(",", numbers)}");
            }

            var partnerEvents = journey.Select(journeyEvent => journeyEvent.Id).ToHashSet(StringComparer.Ordinal);
            var applied = history.Where(row => partnerEvents.Contains(row.EventId)).Select(row => row.EventId).ToList();
            var accepted = journey.Where(journeyEvent => ledger.IsAccepted(journeyEvent.Id)).Select(journeyEvent => journeyEvent.Id).ToList();
            if (!applied.SequenceEqual(accepted))
            {
                problems.Add($"{trajectory}: history has [{string.Join(",", applied)}], the ledger accepted [{string.Join(",", accepted)}]");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} trajectories differ from the ledger:\n{string.Join("\n", problems.Take(10))}");
        return rows.ToDictionary(row => row.EventId, row => row.Sequence, StringComparer.Ordinal);
    }

    private static async Task<List<HistoryRow>> ReadAsync(string database, string[] trajectories)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT trajectory_id, sequence, event_id FROM history WHERE trajectory_id = ANY(@trajectories)", connection);
        command.Parameters.AddWithValue("trajectories", trajectories);
        var rows = new List<HistoryRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new HistoryRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return rows;
    }
}
