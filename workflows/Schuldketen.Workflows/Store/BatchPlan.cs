using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Store;

/// <summary>Everything one batch will write, worked out before the first write.</summary>
internal sealed class BatchPlan
{
    public List<ApplyResult> Results { get; } = [];

    public List<InboxRow> Inbox { get; } = [];

    public Dictionary<string, TrackedTrajectory> Trajectories { get; } = new(StringComparer.Ordinal);

    public List<HistoryRow> History { get; } = [];

    /// <summary>The last word per timer: a row to set, or null to delete it.</summary>
    public Dictionary<(string TrajectoryId, string DeadlineId), TimerRow?> Timers { get; } = [];

    public HashSet<string> TimersStoppedForTrajectory { get; } = new(StringComparer.Ordinal);

    /// <summary>Timers that fired and stay as overdue deadlines.</summary>
    public HashSet<(string TrajectoryId, string DeadlineId)> TimersFired { get; } = [];

    public List<ParticipantRow> Participants { get; } = [];

    /// <summary>Per trajectory, the organisations in each audience (see <see cref="Contracts.Views.Audiences"/>), as loaded and as changed within the batch.</summary>
    public Dictionary<string, Dictionary<string, HashSet<string>>> Audiences { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> AudiencesOf(string trajectoryId) =>
        Audiences.TryGetValue(trajectoryId, out var audiences) ? audiences : Audiences[trajectoryId] = new(StringComparer.Ordinal);

    /// <summary>Whether the organisation takes part in the trajectory, in any audience, as loaded and as changed within the batch.</summary>
    public bool TakesPart(string trajectoryId, string organisation) =>
        AudiencesOf(trajectoryId).Values.Any(organisations => organisations.Contains(organisation));

    public void Join(string trajectoryId, string audience, string organisation)
    {
        var audiences = AudiencesOf(trajectoryId);
        if (!audiences.TryGetValue(audience, out var organisations))
        {
            audiences[audience] = organisations = new HashSet<string>(StringComparer.Ordinal);
        }

        organisations.Add(organisation);
    }

    /// <summary>Trajectories whose debt counsellor is replaced by the one in <see cref="Participants"/>.</summary>
    public HashSet<string> CounsellorReplaced { get; } = new(StringComparer.Ordinal);

    public List<OutboxRow> Outbox { get; } = [];

    public List<AuditRow> Audit { get; } = [];

    public bool HasWrites => Inbox.Count > 0;
}

/// <summary>A trajectory as the batch sees it; <see cref="ExpectedVersion"/> is null for one registered in this batch.</summary>
internal sealed class TrackedTrajectory(TrajectoryRow row, long? expectedVersion, TrajectoryDefinition definition)
{
    public TrajectoryRow Row { get; set; } = row;

    public long? ExpectedVersion { get; } = expectedVersion;

    public TrajectoryDefinition Definition { get; } = definition;

    public bool Changed { get; set; }
}
