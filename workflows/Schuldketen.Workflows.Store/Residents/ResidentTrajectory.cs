using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Residents;

/// <summary>
/// One trajectory as its resident sees it: the steps with their dates, what to do by when, the
/// contact person, the history, and who else processed their data.
/// </summary>
public sealed record ResidentTrajectory(
    TrajectoryRecord Trajectory,
    TrajectoryDefinition Definition,
    PredictedTimeline Timeline,
    ResidentTask? Task,
    DateOnly? TaskDueOn,
    StoredParticipant? Contact,
    IReadOnlyList<StoredHistoryEntry> History,
    IReadOnlyList<AuditEntry> ProcessedByOthers);
