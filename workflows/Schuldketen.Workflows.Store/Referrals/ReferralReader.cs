using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Referrals;

/// <summary>
/// Every read of a referral: only by the organisation that made it (anyone else learns nothing, not
/// even that it exists), with an audit entry for each referral read.
/// </summary>
public sealed class ReferralReader(ReferralStore referrals, TimeProvider time)
{
    public async Task<ReferralSnapshot?> ReadAsync(string id, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(id, reader, cancellationToken) is not { } referral)
        {
            return null;
        }

        var (snapshot, cipher) = await LoadAsync(referral, cancellationToken);
        await referrals.Trajectories.RecordAsync([Audit("verwijzing-inzien", reader, referral, cipher, traceParent)], cancellationToken);
        return snapshot;
    }

    /// <summary>The referral with this id if <paramref name="reader"/> made it; anyone else's is as missing as one that does not exist.</summary>
    public async Task<StoredReferral?> FindOwnAsync(string id, Sender reader, CancellationToken cancellationToken) =>
        await referrals.FindAsync(id, cancellationToken) is { } referral && referral.Referrer == reader.Organisation ? referral : null;

    /// <summary>The reader's own referrals, optionally only those to one municipality, each read audited.</summary>
    public async Task<IReadOnlyList<ReferralSnapshot>> OfReferrerAsync(Sender reader, string? owner, string? traceParent, CancellationToken cancellationToken)
    {
        var snapshots = new List<ReferralSnapshot>();
        var audit = new List<AuditEntry>();
        foreach (var referral in await referrals.OfReferrerAsync(reader.Organisation, owner, cancellationToken))
        {
            var (snapshot, cipher) = await LoadAsync(referral, cancellationToken);
            snapshots.Add(snapshot);
            audit.Add(Audit("verwijzing-zoeken", reader, referral, cipher, traceParent));
        }

        await referrals.Trajectories.RecordAsync(audit, cancellationToken);
        return snapshots;
    }

    /// <summary>Where a referral stands now, for the answer to a write that was audited itself.</summary>
    public async Task<ReferralSnapshot> SnapshotAsync(StoredReferral referral, CancellationToken cancellationToken) =>
        (await LoadAsync(referral, cancellationToken)).Snapshot;

    private async Task<(ReferralSnapshot Snapshot, string? SubjectCipher)> LoadAsync(StoredReferral referral, CancellationToken cancellationToken)
    {
        var store = referrals.Trajectories;
        var trajectory = await store.FindAsync(referral.TrajectoryId, cancellationToken)
                         ?? throw new InvalidOperationException($"Referral '{referral.Id}' points to a trajectory that does not exist.");
        var definition = store.Engine.Library.Get(trajectory.Definition);
        var states = (await store.HistoryAsync(referral.TrajectoryId, cancellationToken))
            .Select(entry => new TrajectoryState(definition.TaskStatusOf(entry.Phase, entry.Outcome), entry.RecordedAt))
            .ToList();
        return (new ReferralSnapshot(referral, states), trajectory.SubjectCipher);
    }

    private AuditEntry Audit(string activity, Sender reader, StoredReferral referral, string? subjectCipher, string? traceParent)
    {
        var trace = TraceContext.Parse(traceParent);
        return new AuditEntry(time.GetUtcNow(), activity, reader.Organisation, reader.Person, referral.TrajectoryId, subjectCipher, "geslaagd",
            trace?.TraceId, trace?.SpanId);
    }
}
