using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Workflows.Relays.Notices;

/// <summary>
/// Reads the history no notice was raised for yet from its cursor, applies the <see cref="NoticeRules"/> and hands
/// the notices to the notifier, then moves each trajectory's reading position and the cursor on. A crash in between
/// sends a notice again, never loses one.
/// </summary>
public sealed class NoticeRelay(NoticeStore notices, DefinitionLibrary library, INotifier notifier)
{
    /// <summary>Reads up to <paramref name="limit"/> history entries; returns how many it read.</summary>
    public async Task<int> RunOnceAsync(int limit, CancellationToken cancellationToken)
    {
        var pending = await notices.PendingAsync(limit, cancellationToken);
        var read = new List<(string TrajectoryId, long Sequence)>();
        foreach (var trajectory in pending.GroupBy(entry => entry.Source.TrajectoryId, StringComparer.Ordinal))
        {
            foreach (var entry in trajectory.Where(entry => entry.SubjectHash is not null))
            {
                foreach (var notice in NoticeRules.For(library.Get(entry.Definition), entry.Source))
                {
                    await notifier.NotifyAsync(entry.SubjectHash!, notice, cancellationToken);
                }
            }

            read.Add((trajectory.Key, trajectory.Max(entry => entry.Source.Sequence)));
        }

        await notices.AdvanceAsync(read, cancellationToken);
        await notices.MoveCursorAsync(pending, limit, cancellationToken);
        return pending.Count;
    }
}
