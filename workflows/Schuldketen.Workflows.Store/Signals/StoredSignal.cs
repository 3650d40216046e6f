namespace Schuldketen.Workflows.Store.Signals;

/// <summary>A signal as one row of the signals table: never personal data in clear, only keyed hashes and the sealed resident.</summary>
public sealed record StoredSignal(
    string Id,
    string IdHash,
    string Municipality,
    string PartnerType,
    string PartnerName,
    string? PartnerOin,
    string? ImportId,
    long? ImportLine,
    string? HouseholdHash,
    string? PersonHash,
    string? SubjectHash,
    long? Amount,
    string? AroseOn,
    string SignalledOn,
    long Crisis,
    long WarmHandover,
    string Status,
    string? CaseId,
    string? TrajectoryId,
    string? PersonalCipher,
    long ReceivedAt,
    long? DeletedAt);
