using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store.Overview;

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

    /// <summary>Who takes part in which role, as loaded and as changed within the batch.</summary>
    public HashSet<(string TrajectoryId, string Organisation, PartnerRole Role)> Roles { get; } = [];

    public void Join(string trajectoryId, string organisation, PartnerRole role)
    {
        Roles.Add((trajectoryId, organisation, role));
        var audiences = AudiencesOf(trajectoryId);
        var audience = Contracts.Views.Audiences.Of(role);
        if (!audiences.TryGetValue(audience, out var organisations))
        {
            audiences[audience] = organisations = new HashSet<string>(StringComparer.Ordinal);
        }

        organisations.Add(organisation);
    }

    /// <summary>The organisation leaves the role, and the role's audience unless another of its roles keeps it there.</summary>
    public void Leave(string trajectoryId, string organisation, PartnerRole role)
    {
        Roles.Remove((trajectoryId, organisation, role));
        var audience = Contracts.Views.Audiences.Of(role);
        var stays = Roles.Any(taken => taken.TrajectoryId == trajectoryId && taken.Organisation == organisation
                                       && Contracts.Views.Audiences.Of(taken.Role) == audience);
        if (!stays && AudiencesOf(trajectoryId).TryGetValue(audience, out var organisations))
        {
            organisations.Remove(organisation);
        }
    }

    /// <summary>Participant rows (trajectory, organisation, role wire name) an unlinking removes.</summary>
    public List<(string TrajectoryId, string Organisation, string Role)> Unlinked { get; } = [];

    /// <summary>Trajectories whose debt counsellor is replaced by the one in <see cref="Participants"/>.</summary>
    public HashSet<string> CounsellorReplaced { get; } = new(StringComparer.Ordinal);

    /// <summary>The migrations of the batch, by trajectory and the sequence of their history entry, for the chain overview.</summary>
    public Dictionary<(string TrajectoryId, long Sequence), MigratedClocks> Migrations { get; } = [];

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
