using Schuldketen.Workflows.Engine;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// The answer to one event. An accepted event's answer is kept in the inbox, and a repeat of
/// the event gets that same answer again with <see cref="Replayed"/> set.
/// </summary>
public sealed record ApplyResult(
    ApplyStatus Status,
    string TrajectoryId,
    string? Phase,
    long Sequence,
    string? Outcome = null,
    RefusalReason? Reason = null,
    string? Detail = null,
    IReadOnlyList<string>? PermittedEventTypes = null,
    bool Replayed = false);

public enum ApplyStatus
{
    Accepted,

    /// <summary>The engine refused the event; nothing was written.</summary>
    Refused,

    UnknownTrajectory,

    AlreadyRegistered,
}
