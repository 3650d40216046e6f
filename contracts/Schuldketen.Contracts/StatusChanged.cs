namespace Schuldketen.Contracts;

/// <summary>
/// What a partner hears when a trajectory moves: the pseudonymous trajectory id, never a BSN,
/// the event, and the phase it left the trajectory in.
/// </summary>
public sealed record StatusChanged(
    string Trajectory,
    long Sequence,
    string EventType,
    string Phase,
    string? Outcome,
    DateTimeOffset OccurredAt);
