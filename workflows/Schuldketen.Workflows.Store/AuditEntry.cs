namespace Schuldketen.Workflows.Store;

/// <summary>
/// One processing of personal data, with the fields of Logius' Logboek Dataverwerkingen: trace and
/// span, the processing activity, who did it, whose data (encrypted), whether it succeeded, when.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Activity,
    string ActorOrganisation,
    string? ActorPerson,
    string? TrajectoryId,
    string? SubjectCipher,
    string Status,
    string? TraceId = null,
    string? SpanId = null)
{
    internal AuditRow ToRow() => new(At.ToUnixTimeMilliseconds(), TraceId, SpanId, Activity, ActorOrganisation, ActorPerson, TrajectoryId, SubjectCipher, Status);

    internal static AuditEntry From(AuditRow row) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.Activity, row.ActorOrganisation, row.ActorPerson, row.TrajectoryId, row.SubjectCipher,
        row.Status, row.TraceId, row.SpanId);
}
