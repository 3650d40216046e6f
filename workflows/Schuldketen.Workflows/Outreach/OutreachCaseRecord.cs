using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Outreach;

/// <summary>
/// An outreach case as stored: when its first signal opened it, when its matching period ends, its history, and the
/// sealed BSN of the resident when a signal gave one (for the audit of who saw their data).
/// </summary>
public sealed record OutreachCaseRecord(
    string TrajectoryId, DateTimeOffset OpenedAt, DateTimeOffset MatchingPeriodEndsAt, IReadOnlyList<StoredHistoryEntry> History, string? SubjectCipher = null);
