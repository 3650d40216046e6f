namespace Schuldketen.Workflows.Residents;

/// <summary>
/// A message to a resident about a change that matters to them, raised by one history entry
/// (<see cref="TrajectoryId"/>, <see cref="Sequence"/>); <see cref="Kind"/> tells the kinds apart.
/// </summary>
public sealed record ResidentNotice(string TrajectoryId, long Sequence, NoticeKind Kind, string Text, DateTimeOffset At);

public enum NoticeKind
{
    NewPhase,
    Task,
    DeadlinePassed,

    /// <summary>A message from the resident's contact person; its sequence is the message's number, not a history entry's.</summary>
    Message,
}
