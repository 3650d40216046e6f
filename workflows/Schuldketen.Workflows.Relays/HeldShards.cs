using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Workflows.Relays;

/// <summary>
/// The shards one relay holds between lease rounds. A lease round (heartbeat, giving up shards beyond
/// the share, taking free ones) runs every tenth of the lease, not every relay round, so a round that
/// only sends costs no lease writes. Leases and heartbeats are written to last the lease time less two
/// tenths, so a host that dies leaves its shards to the others within the lease time, however the
/// survivor's rounds fall.
/// </summary>
public sealed class HeldShards(ShardLeases leases, string owner, TimeProvider time, RelaySettings settings)
{
    private IReadOnlyList<long> shards = [];
    private DateTimeOffset? renewedAt;

    /// <summary>How many shards this relay held at its last lease round.</summary>
    public int Count => shards.Count;

    private TimeSpan Renewal => settings.Lease / 10;

    /// <summary>The shards held now, renewed first when a lease round is due (or the clock went back).</summary>
    public async Task<IReadOnlyList<long>> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (renewedAt is not { } last || now >= last + Renewal || now < last)
        {
            shards = await leases.LeaseAsync(owner, now, now + settings.Lease - (2 * Renewal), settings.MaxShards, cancellationToken);
            renewedAt = now;
        }

        return shards;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        shards = [];
        renewedAt = null;
        await leases.ReleaseAsync(owner, cancellationToken);
    }
}
