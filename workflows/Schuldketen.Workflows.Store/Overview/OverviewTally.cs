using Schuldketen.Contracts;
using System.Data.Common;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Overview;

/// <summary>
/// Keeps the chain overview's read model in the apply transaction: replays the batch's history rows on the
/// state of their trajectories and adds the summed counter changes to one bucket. Also counts trajectories
/// that existed before the read model, from their histories.
/// </summary>
internal sealed class OverviewTally(StoreDialect dialect, DefinitionLibrary library, DeadlineClock clock)
{
    // The writer partitions hash trajectory ids the same way, so with up to this many writers no two
    // transactions add to the same counter rows at once.
    private const int Buckets = 8;
    private const int BackfillBatch = 500;

    private readonly ChainTally tally = new(clock, new ChainStatistics(clock));

    private readonly OverviewTables tables = new(dialect.Provider);

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, BatchPlan plan)
    {
        if (plan.History.Count == 0)
        {
            return;
        }

        var ids = plan.History.Select(row => row.TrajectoryId).Distinct(StringComparer.Ordinal).ToList();
        // A trajectory registered in this batch has no state yet.
        var known = plan.Trajectories.Values.Where(tracked => tracked.ExpectedVersion is not null).Select(tracked => tracked.Row.Id).Intersect(ids).ToList();
        var states = known.Count > 0
            ? await tables.StatesAsync(connection, transaction, known)
            : new Dictionary<string, TallyState>(StringComparer.Ordinal);
        var deltas = new TallyDeltas();
        foreach (var row in plan.History)
        {
            var tracked = plan.Trajectories[row.TrajectoryId];
            if (!states.TryGetValue(row.TrajectoryId, out var state) && row.Sequence > 1)
            {
                state = await UncountedAsync(connection, transaction, tracked.Row, row.Sequence, deltas);
            }

            var entry = row.ToEntry().ToTimelineEntry();
            if (OutreachDefinition.Is(tracked.Definition))
            {
                states[row.TrajectoryId] = state is null
                    ? OutreachTally.Register(tracked.Row.Municipality, tracked.Definition, entry, deltas)
                    : OutreachTally.Apply(state, entry, row.Data, row.Outcome, deltas);
                continue;
            }

            states[row.TrajectoryId] = state is null
                ? tally.Register(tracked.Row.Municipality, tracked.Definition, entry, deltas, Channels.Parse(tracked.Row.Channel))
                : plan.Migrations.TryGetValue((row.TrajectoryId, row.Sequence), out var migrated)
                    ? tally.Migrate(state, migrated.Target, migrated.History, row.Outcome, deltas)
                    : tally.Apply(state, library.Get(state.Definition), entry, row.Outcome, deltas);
        }

        await tables.SaveStatesAsync(connection, transaction, states);
        await tables.AddCountsAsync(connection, transaction, deltas, (int)((uint)ids[0].GetHashCode() % Buckets));
    }

    /// <summary>Counts the trajectories that existed before the read model, a batch per transaction, until none is left.</summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ids = await tables.BackfillBatchAsync(connection, transaction, BackfillBatch);
            if (ids.Count == 0)
            {
                return;
            }

            var deltas = new TallyDeltas();
            var states = new Dictionary<string, TallyState>(StringComparer.Ordinal);
            foreach (var trajectory in await dialect.FindTrajectoriesAsync(connection, transaction, ids))
            {
                var history = (await dialect.HistoryAsync(connection, transaction, trajectory.Id)).Select(row => row.ToEntry()).ToList();
                if (history.Count > 0)
                {
                    states[trajectory.Id] = Replay(trajectory, history, deltas);
                }
            }

            await tables.SaveStatesAsync(connection, transaction, states);
            await tables.AddCountsAsync(connection, transaction, deltas, 0);
            await tables.BackfilledAsync(connection, transaction, ids);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A trajectory from before the read model that an event reaches before the backfill did: counted here
    /// from its history before this batch, unless a backfill on another host has just counted it.
    /// </summary>
    private async Task<TallyState> UncountedAsync(DbConnection connection, DbTransaction transaction, TrajectoryRow trajectory, long before, TallyDeltas deltas)
    {
        if (await tables.BackfilledAsync(connection, transaction, [trajectory.Id]) == 0
            && (await tables.StatesAsync(connection, transaction, [trajectory.Id])).TryGetValue(trajectory.Id, out var counted))
        {
            return counted;
        }

        var history = (await dialect.HistoryAsync(connection, transaction, trajectory.Id))
            .Where(row => row.Sequence < before)
            .Select(row => row.ToEntry())
            .ToList();
        return Replay(trajectory, history, deltas);
    }

    /// <summary>A whole stored history, event by event, as the apply path would have counted it.</summary>
    private TallyState Replay(TrajectoryRow trajectory, IReadOnlyList<StoredHistoryEntry> history, TallyDeltas deltas)
    {
        var current = new DefinitionKey(trajectory.DefinitionId, (int)trajectory.DefinitionVersion);
        var first = history.FirstOrDefault(ClockHistory.IsMigration) is { } migration ? current with { Version = ClockHistory.Versions(migration).From } : current;
        if (OutreachDefinition.Is(library.Get(current)))
        {
            return history.Skip(1).Aggregate(OutreachTally.Register(trajectory.Municipality, library.Get(current), history[0].ToTimelineEntry(), deltas),
                (state, entry) => OutreachTally.Apply(state, entry.ToTimelineEntry(), entry.Data, entry.Outcome, deltas));
        }

        var state = tally.Register(trajectory.Municipality, library.Get(first), history[0].ToTimelineEntry(), deltas, Channels.Parse(trajectory.Channel));
        for (var i = 1; i < history.Count; i++)
        {
            var entry = history[i];
            state = ClockHistory.IsMigration(entry)
                ? tally.Migrate(state, library.Get(current with { Version = ClockHistory.Versions(entry).To }), ClockHistory.Of(history.Take(i + 1).ToList()),
                    entry.Outcome, deltas)
                : tally.Apply(state, library.Get(state.Definition), entry.ToTimelineEntry(), entry.Outcome, deltas);
        }

        return state;
    }
}

/// <summary>What a migration in the batch did to a trajectory's clocks: its new version, and the history as that version sees it, ending with the migration.</summary>
internal sealed record MigratedClocks(TrajectoryDefinition Target, IReadOnlyList<HistoryEntry> History);
