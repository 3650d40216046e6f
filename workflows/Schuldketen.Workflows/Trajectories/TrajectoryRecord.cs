using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Trajectories;

/// <summary>A trajectory as stored: pinned to its definition version, at a phase, with its optimistic version and the channel it came in by.</summary>
public sealed record TrajectoryRecord(
    string Id,
    DefinitionKey Definition,
    string Phase,
    string? Outcome,
    long Version,
    long Sequence,
    string Municipality,
    string? SubjectHash,
    string? SubjectCipher,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    Channel Channel = Channels.Default);

/// <summary>One entry of a trajectory's history, with who sent it.</summary>
public sealed record StoredHistoryEntry(
    long Sequence,
    string EventType,
    string Source,
    string EventId,
    string Phase,
    string? Outcome,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string ActorOrganisation,
    string ActorRole,
    string? ActorPerson,
    string Data)
{
    public HistoryEntry ToTimelineEntry() => new(EventType, Phase, OccurredAt);
}

/// <summary>A running deadline's timer: when it fires, which event it raises, and whether it has fired (the deadline is overdue).</summary>
public sealed record DueTimer(
    string TrajectoryId, string DeadlineId, string EventType, DateOnly StartedOn, DateOnly DueOn, DateTimeOffset FiresAt, bool Fired);

/// <summary>An organisation taking part in a trajectory.</summary>
public sealed record StoredParticipant(string Organisation, string Role, string? ContactName, string? ContactId, DateTimeOffset AddedAt);
