using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Outreach;

/// <summary>An outreach case as stored: when its first signal opened it, when its matching period ends, and its history.</summary>
public sealed record OutreachCaseRecord(string TrajectoryId, DateTimeOffset OpenedAt, DateTimeOffset MatchingPeriodEndsAt, IReadOnlyList<StoredHistoryEntry> History);
