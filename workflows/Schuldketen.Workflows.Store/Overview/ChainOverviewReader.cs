using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Overview;

/// <summary>
/// Reads every trajectory a municipality takes part in for its chain overview. Counting uses each
/// trajectory's history, so every trajectory read is in the audit log with its purpose.
/// </summary>
public sealed class ChainOverviewReader(TrajectoryStore store, DefinitionLibrary library, ChainStatistics statistics, TimeProvider time)
{
    public const string Activity = "ketenoverzicht-berekenen";
    private const int PageSize = 200;

    /// <summary>The overview of <paramref name="reader"/>'s trajectories; null when it takes part in none.</summary>
    public async Task<ChainOverview?> ReadAsync(Sender reader, CancellationToken cancellationToken)
    {
        var trajectories = new List<TrajectoryRecord>();
        for (var page = 1; ; page++)
        {
            var found = await store.ListAsync(new TrajectoryQuery(reader.Organisation, Page: page, PageSize: PageSize), cancellationToken);
            trajectories.AddRange(found.Items);
            if (found.Items.Count < PageSize)
            {
                break;
            }
        }

        if (trajectories.Count == 0)
        {
            return null;
        }

        var facts = new List<TrajectoryFacts>(trajectories.Count);
        foreach (var trajectory in trajectories)
        {
            var history = await store.HistoryAsync(trajectory.Id, cancellationToken);
            facts.Add(new TrajectoryFacts(library.Get(trajectory.Definition), trajectory.Outcome, history.Select(entry => entry.ToTimelineEntry()).ToList()));
        }

        var now = time.GetUtcNow();
        await store.RecordAsync(
            trajectories.Select(trajectory => new AuditEntry(now, Activity, reader.Organisation, reader.Person, trajectory.Id, trajectory.SubjectCipher, "geslaagd"))
                .ToList(),
            cancellationToken);
        var mostUsed = trajectories.GroupBy(trajectory => trajectory.Definition).MaxBy(group => group.Count())!.Key;
        return statistics.Compute(library.Get(mostUsed), facts, now.ToDutchDate());
    }
}
