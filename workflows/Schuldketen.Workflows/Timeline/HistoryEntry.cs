namespace Schuldketen.Workflows.Timeline;

/// <summary>
/// One applied event of a trajectory and the phase it left the trajectory in. The first entry of
/// every history is the registration, in the definition's initial phase.
/// </summary>
public sealed record HistoryEntry(string EventType, string Phase, DateTimeOffset OccurredAt);
