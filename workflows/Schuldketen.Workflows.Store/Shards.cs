namespace Schuldketen.Workflows.Store;

/// <summary>
/// Trajectories are spread over a fixed number of shards by a stable hash of their id (FNV-1a), the
/// same in every process, so a shard's lease covers all events of its trajectories.
/// </summary>
public static class Shards
{
    public const int Count = 64;

    public static long Of(string trajectoryId)
    {
        var hash = 2166136261u;
        foreach (var character in trajectoryId)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash % Count;
    }
}
