using System.Globalization;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store;

// Rows as the tables hold them. Instants are Unix milliseconds (UTC), dates ISO text, so that
// SQLite and PostgreSQL map them to the same CLR types.

internal sealed record TrajectoryRow(
    string Id,
    string DefinitionId,
    long DefinitionVersion,
    string Phase,
    string? Outcome,
    long Version,
    long Sequence,
    string Municipality,
    string? SubjectHash,
    string? SubjectCipher,
    long StartedAt,
    long UpdatedAt,
    string Channel)
{
    public TrajectoryRecord ToRecord() => new(
        Id, new DefinitionKey(DefinitionId, (int)DefinitionVersion), Phase, Outcome, Version, Sequence, Municipality, SubjectHash, SubjectCipher,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), Channels.Parse(Channel));
}

internal sealed record HistoryRow(
    string TrajectoryId,
    long Sequence,
    string EventType,
    string Source,
    string EventId,
    string Phase,
    string? Outcome,
    long OccurredAt,
    long RecordedAt,
    string ActorOrganisation,
    string ActorRole,
    string? ActorPerson,
    string Data)
{
    public StoredHistoryEntry ToEntry() => new(
        Sequence, EventType, Source, EventId, Phase, Outcome,
        DateTimeOffset.FromUnixTimeMilliseconds(OccurredAt), DateTimeOffset.FromUnixTimeMilliseconds(RecordedAt),
        ActorOrganisation, ActorRole, ActorPerson, Data);
}

internal sealed record InboxRow(string Source, string EventId, string TrajectoryId, string Result, long ReceivedAt);

internal sealed record OutboxRow(
    string TrajectoryId,
    long Sequence,
    string Audience,
    string EventType,
    string Payload,
    string? TraceParent,
    long CreatedAt,
    long Shard,
    string Recipients);

internal sealed record TimerRow(string TrajectoryId, string DeadlineId, string EventType, string StartedOn, string DueOn, long FiresAt, long? FiredAt = null)
{
    public DueTimer ToTimer() => new(
        TrajectoryId, DeadlineId, EventType, DateOnly.Parse(StartedOn, CultureInfo.InvariantCulture),
        DateOnly.Parse(DueOn, CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(FiresAt), FiredAt is not null);
}

internal sealed record ParticipantRow(string TrajectoryId, string Organisation, string Role, string? ContactName, string? ContactId, long AddedAt)
{
    public StoredParticipant ToParticipant() =>
        new(Organisation, Role, ContactName, ContactId, DateTimeOffset.FromUnixTimeMilliseconds(AddedAt));
}

internal sealed record AuditRow(
    long At,
    string? TraceId,
    string? SpanId,
    string Activity,
    string ActorOrganisation,
    string? ActorPerson,
    string? TrajectoryId,
    string? SubjectCipher,
    string Status);
