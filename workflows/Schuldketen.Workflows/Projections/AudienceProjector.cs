using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Projections;

/// <summary>Turns a stored trajectory into what one audience may see of it, and nothing more.</summary>
public sealed class AudienceProjector(DefinitionLibrary library)
{
    public TrajectoryView Project(
        TrajectoryRecord trajectory, IReadOnlyList<StoredParticipant> participants, IReadOnlyList<DueTimer> timers, PartnerRole audience, DateOnly today)
    {
        var definition = library.Get(trajectory.Definition);
        var phase = definition.Phase(trajectory.Phase);
        return audience switch
        {
            PartnerRole.Municipality or PartnerRole.DebtCounsellor => new CaseView(
                trajectory.Id,
                new DefinitionRef(definition.Id, definition.Version),
                new PhaseRef(phase.Id, phase.Title),
                trajectory.Outcome,
                trajectory.StartedAt,
                trajectory.UpdatedAt,
                participants.FirstOrDefault(p => p.Role == PartnerRole.DebtCounsellor.WireName()) is { } counsellor
                    ? new ContactPerson(counsellor.Organisation, counsellor.ContactName)
                    : null,
                participants.Select(p => new ParticipantView(p.Organisation, p.Role)).ToList(),
                Deadlines(definition, timers, today)),
            PartnerRole.Creditor => new CreditorView(trajectory.Id, !phase.Terminal, phase.Terminal),
            PartnerRole.Court or PartnerRole.Administrator => new JudicialView(
                trajectory.Id, new PhaseRef(phase.Id, phase.Title), trajectory.Outcome, trajectory.StartedAt),
            PartnerRole.GeneralPractitioner => new ReferrerView(trajectory.Id, ReferralStatusOf(definition, phase), trajectory.UpdatedAt),
            PartnerRole.SignalPartner => new SignalPartnerView(trajectory.Id, SignalStatusOf(definition, phase, trajectory.Outcome), trajectory.UpdatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "The hub itself has no audience projection."),
        };
    }

    /// <summary>
    /// What an audience outside the case can tell apart: a change of this key is a change it hears
    /// of; anything else (a deadline, a note) is none of its business.
    /// </summary>
    public static string ChangeKey(string audience, TrajectoryDefinition definition, string phase, string? outcome)
    {
        var current = definition.Phase(phase);
        return audience switch
        {
            Audiences.Judiciary => $"{phase}|{outcome}",
            Audiences.Creditors => current.Terminal ? "closed" : "helped",
            Audiences.Referrers => ReferralStatusOf(definition, current).ToString(),
            Audiences.SignalPartners => SignalStatusOf(definition, current, outcome).ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Case handlers hear every event."),
        };
    }

    /// <summary>The projection an audience outside the case gets when its <see cref="ChangeKey"/> changed.</summary>
    public TrajectoryView StatusFor(string audience, TrajectoryRecord trajectory) => Project(trajectory, [], [], audience switch
    {
        Audiences.Judiciary => PartnerRole.Court,
        Audiences.Creditors => PartnerRole.Creditor,
        Audiences.Referrers => PartnerRole.GeneralPractitioner,
        Audiences.SignalPartners => PartnerRole.SignalPartner,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Case handlers hear every event."),
    }, default);

    public static IReadOnlyList<DeadlineView> Deadlines(TrajectoryDefinition definition, IEnumerable<DueTimer> timers, DateOnly today) =>
        timers
            .Select(timer => (Timer: timer, Deadline: definition.Deadlines.FirstOrDefault(deadline => deadline.Id == timer.DeadlineId)))
            .Where(pair => pair.Deadline is not null)
            .OrderBy(pair => pair.Timer.DueOn)
            .Select(pair => new DeadlineView(pair.Deadline!.Id, pair.Deadline.Title, pair.Timer.DueOn, BasisName(pair.Deadline.Basis.Kind),
                pair.Deadline.Basis.Reference, today > pair.Timer.DueOn))
            .ToList();

    public static string BasisName(BasisKind kind) => kind switch
    {
        BasisKind.Law => "wet",
        BasisKind.Guideline => "richtlijn",
        _ => "beleid",
    };

    /// <summary>
    /// All a signal partner may learn (DDAS): not yet picked up until the municipality's first contact attempt,
    /// picked up after it, and at the close the status its end result allows; "Niet opgepakt: andere reden"
    /// shows only as "Niet opgepakt".
    /// </summary>
    private static SignalStatus SignalStatusOf(TrajectoryDefinition definition, Phase phase, string? outcome) =>
        phase.Terminal ? EndResults.OfOutcome(outcome)?.PartnerLearns ?? SignalStatus.NotPickedUp
        : definition.Transitions.Any(transition => transition.To == phase.Id && transition.EventType == EventTypes.ContactAttempted) ? SignalStatus.PickedUp
        : SignalStatus.NotYetPickedUp;

    private static ReferralStatus ReferralStatusOf(TrajectoryDefinition definition, Phase phase) =>
        phase.Terminal ? ReferralStatus.Closed
        : phase.Id == definition.InitialPhase ? ReferralStatus.Registered
        : ReferralStatus.InProgress;
}
