using System.Data.Common;
using System.Globalization;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;

namespace Schuldketen.Workflows.Store.Overview;

/// <summary>
/// The read model's SQL: per-trajectory state and the municipalities' counters. PostgreSQL writes each
/// table in one statement from arrays; SQLite, where a statement is a function call, row by row.
/// </summary>
internal sealed class OverviewTables(StoreProvider provider)
{
    private const string StateColumns =
        "trajectory_id AS TrajectoryId, municipality AS Municipality, definition_id AS DefinitionId, definition_version AS DefinitionVersion, " +
        "phase AS Phase, phase_entered_on AS PhaseEnteredOn, reached AS Reached, dropped_at AS DroppedAt, clocks AS Clocks, met AS Met, missed AS Missed, " +
        "channel AS Channel, registered_on AS RegisteredOn, talked AS Talked, dropped_early AS DroppedEarly";

    private const string StateConflict =
        "ON CONFLICT (trajectory_id) DO UPDATE SET municipality = excluded.municipality, definition_id = excluded.definition_id, " +
        "definition_version = excluded.definition_version, phase = excluded.phase, phase_entered_on = excluded.phase_entered_on, " +
        "reached = excluded.reached, dropped_at = excluded.dropped_at, clocks = excluded.clocks, met = excluded.met, missed = excluded.missed, " +
        "channel = excluded.channel, registered_on = excluded.registered_on, talked = excluded.talked, dropped_early = excluded.dropped_early";

    private const string CountConflict =
        "ON CONFLICT (municipality, kind, counter_key, bucket) DO UPDATE SET amount = overview_counts.amount + excluded.amount";

    public async Task<Dictionary<string, TallyState>> StatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> trajectoryIds)
    {
        var rows = provider == StoreProvider.PostgreSql
            ? await connection.QueryAsync<StateRow>($"SELECT {StateColumns} FROM overview_trajectories WHERE trajectory_id = ANY(@ids)",
                new { ids = trajectoryIds.ToArray() }, transaction)
            : await connection.QueryAsync<StateRow>($"SELECT {StateColumns} FROM overview_trajectories WHERE trajectory_id IN @ids",
                new { ids = trajectoryIds }, transaction);
        return rows.ToDictionary(row => row.TrajectoryId, row => row.ToState(), StringComparer.Ordinal);
    }

    public Task SaveStatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyDictionary<string, TallyState> states)
    {
        var rows = states.OrderBy(state => state.Key, StringComparer.Ordinal).Select(state => StateRow.Of(state.Key, state.Value)).ToList();
        if (provider == StoreProvider.Sqlite)
        {
            return SqliteRowsAsync(connection, transaction,
                "INSERT INTO overview_trajectories (trajectory_id, municipality, definition_id, definition_version, phase, phase_entered_on, reached, " +
                "dropped_at, clocks, met, missed, channel, registered_on, talked, dropped_early)", StateConflict,
                rows.Select(row => new object?[]
                {
                    row.TrajectoryId, row.Municipality, row.DefinitionId, row.DefinitionVersion, row.Phase, row.PhaseEnteredOn, row.Reached, row.DroppedAt,
                    row.Clocks, row.Met, row.Missed, row.Channel, row.RegisteredOn, row.Talked, row.DroppedEarly,
                }).ToList());
        }

        return connection.ExecuteAsync(
            "INSERT INTO overview_trajectories (trajectory_id, municipality, definition_id, definition_version, phase, phase_entered_on, reached, " +
            "dropped_at, clocks, met, missed, channel, registered_on, talked, dropped_early) SELECT * FROM unnest(@TrajectoryId, @Municipality, " +
            $"@DefinitionId, @DefinitionVersion, @Phase, @PhaseEnteredOn, @Reached, @DroppedAt, @Clocks, @Met, @Missed, @Channel, @RegisteredOn, @Talked, @DroppedEarly) {StateConflict}",
            new
            {
                TrajectoryId = rows.Select(row => row.TrajectoryId).ToArray(),
                Municipality = rows.Select(row => row.Municipality).ToArray(),
                DefinitionId = rows.Select(row => row.DefinitionId).ToArray(),
                DefinitionVersion = rows.Select(row => row.DefinitionVersion).ToArray(),
                Phase = rows.Select(row => row.Phase).ToArray(),
                PhaseEnteredOn = rows.Select(row => row.PhaseEnteredOn).ToArray(),
                Reached = rows.Select(row => row.Reached).ToArray(),
                DroppedAt = rows.Select(row => row.DroppedAt).ToArray(),
                Clocks = rows.Select(row => row.Clocks).ToArray(),
                Met = rows.Select(row => row.Met).ToArray(),
                Missed = rows.Select(row => row.Missed).ToArray(),
                Channel = rows.Select(row => row.Channel).ToArray(),
                RegisteredOn = rows.Select(row => row.RegisteredOn).ToArray(),
                Talked = rows.Select(row => row.Talked).ToArray(),
                DroppedEarly = rows.Select(row => row.DroppedEarly).ToArray(),
            },
            transaction);
    }

    /// <summary>Adds the deltas to the counters of one bucket, in the deltas' fixed order.</summary>
    public Task AddCountsAsync(DbConnection connection, DbTransaction transaction, TallyDeltas deltas, int bucket)
    {
        var changed = deltas.Changed();
        if (changed.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (provider == StoreProvider.Sqlite)
        {
            return SqliteRowsAsync(connection, transaction, "INSERT INTO overview_counts (municipality, kind, counter_key, bucket, amount)", CountConflict,
                changed.Select(change => new object?[] { change.Municipality, change.Kind, change.Key, (long)bucket, change.Delta }).ToList());
        }

        return connection.ExecuteAsync(
            $"INSERT INTO overview_counts (municipality, kind, counter_key, bucket, amount) SELECT * FROM unnest(@Municipality, @Kind, @Key, @Bucket, @Delta) {CountConflict}",
            new
            {
                Municipality = changed.Select(change => change.Municipality).ToArray(),
                Kind = changed.Select(change => change.Kind).ToArray(),
                Key = changed.Select(change => change.Key).ToArray(),
                Bucket = changed.Select(_ => (long)bucket).ToArray(),
                Delta = changed.Select(change => change.Delta).ToArray(),
            },
            transaction);
    }

    /// <summary>One prepared statement run per row, as the store writes SQLite's other tables.</summary>
    private static Task SqliteRowsAsync(DbConnection connection, DbTransaction transaction, string insert, string conflict, IReadOnlyList<object?[]> rows) =>
        rows.Count == 0
            ? Task.CompletedTask
            : SqliteRows.ExecuteAsync(connection, transaction, $"{insert} VALUES ({string.Join(", ", rows[0].Select((_, c) => $"@v{c}"))}) {conflict}", rows, row => row);

    public async Task<ChainCounts> CountsAsync(DbConnection connection, string municipality)
    {
        var rows = await connection.QueryAsync<(string Kind, string Key, long Amount)>(
            "SELECT kind, counter_key, CAST(SUM(amount) AS BIGINT) FROM overview_counts WHERE municipality = @municipality GROUP BY kind, counter_key",
            new { municipality });
        return new ChainCounts(rows.ToDictionary(row => (row.Kind, row.Key), row => row.Amount));
    }

    /// <summary>Up to <paramref name="limit"/> trajectories still to be counted from their histories; PostgreSQL skips those another host is counting.</summary>
    public async Task<List<string>> BackfillBatchAsync(DbConnection connection, DbTransaction transaction, int limit) =>
        (await connection.QueryAsync<string>(
            "SELECT trajectory_id FROM overview_backfill ORDER BY trajectory_id LIMIT @limit" +
            (provider == StoreProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : ""),
            new { limit }, transaction)).AsList();

    public Task<int> BackfilledAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> trajectoryIds) =>
        provider == StoreProvider.PostgreSql
            ? connection.ExecuteAsync("DELETE FROM overview_backfill WHERE trajectory_id = ANY(@ids)", new { ids = trajectoryIds.ToArray() }, transaction)
            : connection.ExecuteAsync("DELETE FROM overview_backfill WHERE trajectory_id IN @ids", new { ids = trajectoryIds }, transaction);
}

/// <summary>A <see cref="TallyState"/> as the table holds it.</summary>
internal sealed record StateRow(
    string TrajectoryId,
    string Municipality,
    string DefinitionId,
    long DefinitionVersion,
    string Phase,
    string PhaseEnteredOn,
    string Reached,
    string? DroppedAt,
    string Clocks,
    long Met,
    long Missed,
    string Channel,
    string RegisteredOn,
    long Talked,
    long DroppedEarly)
{
    public static StateRow Of(string trajectoryId, TallyState state) => new(
        trajectoryId, state.Municipality, state.Definition.Id, state.Definition.Version, state.Phase, TallyKeys.Of(state.PhaseEnteredOn),
        string.Join(' ', state.Reached.Order(StringComparer.Ordinal)), state.DroppedAt,
        string.Join(' ', state.Clocks.OrderBy(clock => clock.Key, StringComparer.Ordinal).Select(clock => $"{clock.Key}={TallyKeys.Of(clock.Value)}")),
        state.Met, state.Missed,
        (state.Channel?.Channel ?? Channels.Default).WireName(), state.Channel is { } track ? TallyKeys.Of(track.RegisteredOn) : "",
        state.Channel?.Talked == true ? 1 : 0, state.Channel?.DroppedEarly == true ? 1 : 0);

    public TallyState ToState() => new(
        Municipality,
        new DefinitionKey(DefinitionId, (int)DefinitionVersion),
        Phase,
        DateOnly.ParseExact(PhaseEnteredOn, "O", CultureInfo.InvariantCulture),
        Reached.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        DroppedAt,
        Clocks.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(clock => clock.Split('='))
            .ToDictionary(clock => clock[0], clock => DateOnly.ParseExact(clock[1], "O", CultureInfo.InvariantCulture), StringComparer.Ordinal),
        (int)Met,
        (int)Missed,
        RegisteredOn.Length == 0
            ? null
            : new ChannelTrack(Channels.Parse(Channel), DateOnly.ParseExact(RegisteredOn, "O", CultureInfo.InvariantCulture), Talked != 0, DroppedEarly != 0));
}
