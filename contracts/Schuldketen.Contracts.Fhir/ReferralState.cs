namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// A referral as the hub keeps it, with the status its trajectory shows now (a code of
/// <see cref="TaskStatusCodes"/> and its reason, as the trajectory's definition gives them): all a
/// referral's Task is made from.
/// </summary>
public sealed record ReferralState(
    string Id,
    string Requester,
    string Owner,
    TaskIdentifier? Identifier,
    DateTimeOffset AuthoredOn,
    DateTimeOffset LastModified,
    string Status,
    string? StatusReason,
    DateTimeOffset? CancelledAt);
