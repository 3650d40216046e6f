using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;

namespace Schuldketen.Workflows.Store.Overview;

/// <summary>
/// A municipality's chain overview, from the counters the store keeps in its apply transaction; no history
/// is read. The view processes aggregates only, so it is one audit entry without a trajectory or subject.
/// </summary>
public sealed class ChainOverviewReader(TrajectoryStore store, DefinitionLibrary library, TimeProvider time)
{
    public const string Activity = "ketenoverzicht-berekenen";

    private readonly OverviewTables tables = new(store.Provider);

    /// <summary>
    /// The overview of the trajectories registered for <paramref name="reader"/>'s municipality: only the outreach funnel when
    /// it has outreach cases and nothing else; null when it has neither.
    /// </summary>
    public async Task<ChainOverview?> ReadAsync(Sender reader, CancellationToken cancellationToken)
    {
        ChainCounts counts;
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            counts = await tables.CountsAsync(connection, reader.Organisation);
        }

        var now = time.GetUtcNow();
        var outreach = counts.ToOutreachFunnel();
        var overview = counts.ToOverview(library, now.ToDutchDate()) is { } chain ? chain with { Outreach = outreach }
            : outreach.Cases > 0 ? ChainOverview.OutreachOnly(outreach) : null;
        if (overview is not null)
        {
            await store.RecordAsync([new AuditEntry(now, Activity, reader.Organisation, reader.Person, null, null, "geslaagd")], cancellationToken);
        }

        return overview;
    }
}
