namespace Schuldketen.Workflows.Timeline;

/// <summary>Where a resident stands: every phase passed, the current one and those expected next, and the clocks running now.</summary>
public sealed record PredictedTimeline(IReadOnlyList<TimelineStep> Steps, IReadOnlyList<OpenDeadline> OpenDeadlines);

/// <summary>
/// One phase on the timeline. <see cref="Date"/> is the day it was entered, or for a coming phase
/// the day it is expected to start at the latest; null when no deadline says.
/// </summary>
public sealed record TimelineStep(string Phase, string Title, string ResidentText, StepStatus Status, DateOnly? Date);

public enum StepStatus
{
    Done,
    Current,
    Coming,
}
