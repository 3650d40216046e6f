using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>Every row one applied event wrote, read back from the engine's own run so the ceiling writes the same bytes.</summary>
internal sealed record CeilingEvent(
    InboxRow Inbox,
    TrajectoryRow Trajectory,
    long? ExpectedVersion,
    IReadOnlyList<ParticipantRow> Participants,
    HistoryRow History,
    IReadOnlyList<(string TrajectoryId, string DeadlineId)> TimerDeletes,
    IReadOnlyList<TimerRow> TimerUpserts,
    IReadOnlyList<OutboxRow> Outbox,
    AuditRow Audit);
