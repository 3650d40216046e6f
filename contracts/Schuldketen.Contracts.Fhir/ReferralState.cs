namespace Schuldketen.Contracts.Fhir;

/// <summary>A referral as the hub keeps it, with where its trajectory stands: all a referral's Task is made from.</summary>
public sealed record ReferralState(
    string Id,
    string Requester,
    string Owner,
    TaskIdentifier? Identifier,
    DateTimeOffset AuthoredOn,
    DateTimeOffset LastModified,
    string Phase,
    bool InitialPhase,
    bool TerminalPhase,
    string? Outcome,
    DateTimeOffset? CancelledAt);
