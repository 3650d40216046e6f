using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Views;

/// <summary>
/// A trajectory as one audience may see it. Each audience has its own type, so a field an
/// audience must not see does not exist in what it gets; <c>audience</c> says which one it is.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "audience")]
[JsonDerivedType(typeof(CaseView), "behandelaar")]
[JsonDerivedType(typeof(CreditorView), "schuldeiser")]
[JsonDerivedType(typeof(JudicialView), "rechtspraak")]
[JsonDerivedType(typeof(ReferrerView), "verwijzer")]
[JsonDerivedType(typeof(SignalPartnerView), "signaalpartner")]
public abstract record TrajectoryView(string Id);

/// <summary>The municipality's and the debt counsellor's view: the whole case, except the BSN.</summary>
public sealed record CaseView(
    string Id,
    DefinitionRef Definition,
    PhaseRef Phase,
    string? Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    ContactPerson? Contact,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<DeadlineView> OpenDeadlines) : TrajectoryView(Id);

/// <summary>A creditor's view: only that this person receives debt help, never the plan, the phase or other creditors.</summary>
public sealed record CreditorView(string Id, bool ReceivesDebtHelp, bool Closed) : TrajectoryView(Id);

/// <summary>The court's and the administrator's view: where the trajectory stands, not its finances.</summary>
public sealed record JudicialView(string Id, PhaseRef Phase, string? Outcome, DateTimeOffset StartedAt) : TrajectoryView(Id);

/// <summary>A referring GP's view: the status of the referral and when it last changed.</summary>
public sealed record ReferrerView(string Id, ReferralStatus Status, DateTimeOffset UpdatedAt) : TrajectoryView(Id);

/// <summary>
/// A signal partner's view: only the DDAS status of its signal (Opgepakt, Niet opgepakt, Herhaalde melding, ...),
/// never the contact attempts, the reason a signal was not picked up, or another partner's signal.
/// </summary>
public sealed record SignalPartnerView(
    string Id, [property: JsonConverter(typeof(JsonStringEnumConverter<Ddas.SignalStatus>))] Ddas.SignalStatus Status, DateTimeOffset UpdatedAt)
    : TrajectoryView(Id);

[JsonConverter(typeof(JsonStringEnumConverter<ReferralStatus>))]
public enum ReferralStatus
{
    [JsonStringEnumMemberName("aangemeld")]
    Registered,

    [JsonStringEnumMemberName("in-behandeling")]
    InProgress,

    [JsonStringEnumMemberName("afgesloten")]
    Closed,
}

public sealed record DefinitionRef(string Id, int Version);

public sealed record PhaseRef(string Id, string Title);

public sealed record ContactPerson(string Organisation, string? Name);

public sealed record ParticipantView(string Organisation, string Role);

public sealed record DeadlineView(string Id, string Title, DateOnly DueOn, string Basis, string? Reference, bool Overdue);
