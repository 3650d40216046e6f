using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Overview;

/// <summary>
/// A stored history as the clocks of the trajectory's current version see it: the phases before its last
/// migration mapped by that migration's phase map, as <see cref="BatchApplier"/> set the timers then.
/// </summary>
public static class ClockHistory
{
    /// <summary>What <see cref="ChainStatistics"/> needs of a trajectory, from its stored history.</summary>
    public static TrajectoryFacts Facts(
        TrajectoryDefinition definition, string? outcome, IReadOnlyList<StoredHistoryEntry> history, Channel channel = Channels.Default)
    {
        var recorded = history.Select(entry => entry.ToTimelineEntry()).ToList();
        return new TrajectoryFacts(definition, outcome, recorded, history.Any(IsMigration) ? Of(history) : null, channel);
    }

    public static IReadOnlyList<HistoryEntry> Of(IReadOnlyList<StoredHistoryEntry> history)
    {
        var last = history.Count - 1;
        while (last >= 0 && !IsMigration(history[last]))
        {
            last--;
        }

        var map = last > 0 ? PhaseMap(history[last], history[last - 1].Phase) : new Dictionary<string, string>();
        return history
            .Select((entry, i) => new HistoryEntry(entry.EventType, i < last ? map.GetValueOrDefault(entry.Phase, entry.Phase) : entry.Phase, entry.OccurredAt))
            .ToList();
    }

    public static bool IsMigration(StoredHistoryEntry entry) => entry.EventType == EventTypes.Migrated;

    /// <summary>The version a migration entry moved the trajectory from and to.</summary>
    public static (int From, int To) Versions(StoredHistoryEntry migration)
    {
        using var data = JsonDocument.Parse(migration.Data);
        return (data.RootElement.GetProperty("van").GetInt32(), data.RootElement.GetProperty("naar").GetInt32());
    }

    /// <summary>
    /// The migration's phase map, as its entry records it. Migrations from before the map was recorded
    /// only tell the phase they moved the trajectory from; other phases map to themselves, as by default.
    /// </summary>
    private static Dictionary<string, string> PhaseMap(StoredHistoryEntry migration, string movedFrom)
    {
        using var data = JsonDocument.Parse(migration.Data);
        if (data.RootElement.TryGetProperty("fasen", out var phases))
        {
            return phases.EnumerateObject().ToDictionary(phase => phase.Name, phase => phase.Value.GetString()!, StringComparer.Ordinal);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { [movedFrom] = migration.Phase };
    }
}
