using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Store;

/// <summary>A trajectory as stored: pinned to its definition version, at a phase, with its optimistic version.</summary>
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
    DateTimeOffset UpdatedAt)
{
    internal static TrajectoryRecord From(TrajectoryRow row) => new(
        row.Id, new DefinitionKey(row.DefinitionId, (int)row.DefinitionVersion), row.Phase, row.Outcome, row.Version, row.Sequence,
        row.Municipality, row.SubjectHash, row.SubjectCipher,
        DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
}

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

    internal static StoredHistoryEntry From(HistoryRow row) => new(
        row.Sequence, row.EventType, row.Source, row.EventId, row.Phase, row.Outcome,
        DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt), DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt),
        row.ActorOrganisation, row.ActorRole, row.ActorPerson, row.Data);
}

/// <summary>A deadline's timer: when it fires, which event it raises.</summary>
public sealed record DueTimer(string TrajectoryId, string DeadlineId, string EventType, DateOnly StartedOn, DateOnly DueOn, DateTimeOffset FiresAt)
{
    internal static DueTimer From(TimerRow row) => new(
        row.TrajectoryId, row.DeadlineId, row.EventType, DateOnly.Parse(row.StartedOn, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.Parse(row.DueOn, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(row.FiresAt));
}
