using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;

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
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "The hub itself has no audience projection."),
        };
    }

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

    private static ReferralStatus ReferralStatusOf(TrajectoryDefinition definition, Phase phase) =>
        phase.Terminal ? ReferralStatus.Closed
        : phase.Id == definition.InitialPhase ? ReferralStatus.Registered
        : ReferralStatus.InProgress;
}
