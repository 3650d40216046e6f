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

/// <summary>A running deadline's timer: when it fires, which event it raises, and whether it has fired (the deadline is overdue).</summary>
public sealed record DueTimer(
    string TrajectoryId, string DeadlineId, string EventType, DateOnly StartedOn, DateOnly DueOn, DateTimeOffset FiresAt, bool Fired)
{
    internal static DueTimer From(TimerRow row) => new(
        row.TrajectoryId, row.DeadlineId, row.EventType, DateOnly.Parse(row.StartedOn, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.Parse(row.DueOn, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(row.FiresAt),
        row.FiredAt is not null);
}

/// <summary>An organisation taking part in a trajectory.</summary>
public sealed record StoredParticipant(string Organisation, string Role, string? ContactName, string? ContactId, DateTimeOffset AddedAt)
{
    internal static StoredParticipant From(ParticipantRow row) =>
        new(row.Organisation, row.Role, row.ContactName, row.ContactId, DateTimeOffset.FromUnixTimeMilliseconds(row.AddedAt));
}

/// <summary>
/// Which trajectories an organisation asks for: page numbers start at 1; <see cref="DueBy"/> keeps those with a deadline due on or
/// before that day; <see cref="Contact"/> those where that person of the organisation is the contact.
/// </summary>
public sealed record TrajectoryQuery(
    string Organisation, string? Phase = null, DateOnly? DueBy = null, int Page = 1, int PageSize = 20, string? Contact = null);

public sealed record TrajectoryPage(IReadOnlyList<TrajectoryRecord> Items, long Total);
