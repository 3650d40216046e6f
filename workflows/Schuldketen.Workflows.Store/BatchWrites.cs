namespace Schuldketen.Workflows.Store;

/// <summary>The rows one batch writes, table by table, in the order a dialect writes them.</summary>
internal sealed record BatchWrites(
    IReadOnlyList<InboxRow> Inbox,
    IReadOnlyList<TrajectoryRow> Inserts,
    IReadOnlyList<(TrajectoryRow Row, long ExpectedVersion)> Updates,
    IReadOnlyList<string> CounsellorReplaced,
    IReadOnlyList<(string TrajectoryId, string Organisation, string Role)> Unlinked,
    IReadOnlyList<ParticipantRow> Participants,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<string> TimersStopped,
    IReadOnlyList<(string TrajectoryId, string DeadlineId)> TimerDeletes,
    IReadOnlyList<TimerRow> TimerUpserts,
    IReadOnlyList<(string TrajectoryId, string DeadlineId)> TimersFired,
    long FiredAt,
    IReadOnlyList<OutboxRow> Outbox,
    IReadOnlyList<AuditRow> Audit)
{
    /// <summary>The trajectories this batch inserts or updates, whose phase and change time the list index repeats on their participant rows.</summary>
    public IReadOnlyList<TrajectoryRow> Changed { get; } = [.. Inserts, .. Updates.Select(update => update.Row)];

    public static BatchWrites From(BatchPlan plan, long now)
    {
        var changed = plan.Trajectories.Values.Where(tracked => tracked.Changed).ToList();
        return new BatchWrites(
            plan.Inbox,
            changed.Where(tracked => tracked.ExpectedVersion is null).Select(tracked => tracked.Row).ToList(),
            changed.Where(tracked => tracked.ExpectedVersion is not null).Select(tracked => (tracked.Row, tracked.ExpectedVersion!.Value)).ToList(),
            plan.CounsellorReplaced.ToList(),
            plan.Unlinked,

            // One row per organisation and role; the last word of the batch counts.
            plan.Participants.GroupBy(row => (row.TrajectoryId, row.Organisation, row.Role)).Select(rows => rows.Last()).ToList(),
            plan.History,
            plan.TimersStoppedForTrajectory.ToList(),
            plan.Timers.Where(timer => timer.Value is null).Select(timer => timer.Key).ToList(),
            plan.Timers.Values.OfType<TimerRow>().ToList(),
            plan.TimersFired.Where(key => !plan.Timers.ContainsKey(key) && !plan.TimersStoppedForTrajectory.Contains(key.TrajectoryId)).ToList(),
            now,
            plan.Outbox,
            plan.Audit);
    }
}
