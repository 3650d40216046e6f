using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Engine;

/// <summary>
/// Decides, for a trajectory pinned to a definition version, whether an event may be applied
/// now by this sender, and to which phase it leads. Stateless is the interpreter; one machine
/// per definition version per thread, built once.
/// </summary>
public sealed class TrajectoryEngine(DefinitionLibrary library)
{
    private static readonly IReadOnlySet<string> NoFacts = new HashSet<string>();

    /// <summary>Events that apply in any open phase, and who may send them; they never move the phase.</summary>
    private static readonly Dictionary<string, PartnerRole[]> PhaseIndependent = new(StringComparer.Ordinal)
    {
        [EventTypes.DeadlinePassed] = [PartnerRole.Hub],
        // The hub links a referring GP to the trajectory its referral started or joined, and unlinks it when the referral is cancelled.
        [EventTypes.ParticipantLinked] = [PartnerRole.Municipality, PartnerRole.DebtCounsellor, PartnerRole.Hub],
        [EventTypes.ParticipantUnlinked] = [PartnerRole.Municipality, PartnerRole.DebtCounsellor, PartnerRole.Hub],
        [EventTypes.CounsellorAssigned] = [PartnerRole.Municipality],
        [EventTypes.ContactMomentRecorded] = [PartnerRole.Municipality, PartnerRole.DebtCounsellor],
    };

    private readonly ThreadLocal<Dictionary<DefinitionKey, PhaseMachine>> machines = new(() => []);

    public DefinitionLibrary Library => library;

    public Decision Decide(
        DefinitionKey key, string phase, string eventType, PartnerRole sender, IReadOnlySet<string>? facts = null, string? outcome = null)
    {
        var definition = library.Get(key);
        if (definition.Phase(phase).Terminal)
        {
            return Decision.Refuse(phase, new Refusal(RefusalReason.TrajectoryClosed, $"The trajectory is closed (phase '{phase}')."), []);
        }

        if (PhaseIndependent.TryGetValue(eventType, out var senders))
        {
            return senders.Contains(sender)
                ? Decision.Accept(phase, null)
                : Decision.Refuse(phase, new Refusal(RefusalReason.RoleNotPermitted,
                    $"'{eventType}' may be sent by {string.Join(", ", senders.Select(role => role.WireName()))}, not by {sender.WireName()}."), PermittedEventTypes(key, phase, sender));
        }

        var machine = MachineFor(definition);
        var stated = facts ?? NoFacts;
        if (!machine.CanFire(phase, eventType, sender, stated, out var unmet))
        {
            return Decision.Refuse(phase, Explain(definition, phase, eventType, sender, unmet), PermittedEventTypes(key, phase, sender));
        }

        var next = machine.Fire(phase, eventType, sender, stated);
        var target = definition.Phase(next);
        if (!target.Terminal)
        {
            return Decision.Accept(next, null);
        }

        var allowed = definition.TransitionsFrom(phase)
            .First(transition => transition.EventType == eventType && transition.To == next)
            .Outcomes;
        var chosen = outcome ?? (allowed.Count == 1 ? allowed[0] : null);
        return chosen is not null && allowed.Contains(chosen)
            ? Decision.Accept(next, chosen)
            : Decision.Refuse(phase,
                new Refusal(RefusalReason.OutcomeRequired, $"'{eventType}' closes the trajectory and needs an outcome, one of: {string.Join(", ", allowed)}."),
                PermittedEventTypes(key, phase, sender));
    }

    /// <summary>The event types this role may send now: the counsellor's "next steps".</summary>
    public IReadOnlyList<string> PermittedEventTypes(DefinitionKey key, string phase, PartnerRole sender)
    {
        var definition = library.Get(key);
        var machine = MachineFor(definition);
        return definition.TransitionsFrom(phase)
            .Where(transition => machine.CanFire(phase, transition.EventType, sender, StatedBy(transition), out _))
            .Select(transition => transition.EventType)
            .Distinct()
            .ToList();
    }

    private static IReadOnlySet<string> StatedBy(Transition transition) =>
        transition.Guard is { } guard ? new HashSet<string> { guard } : NoFacts;

    /// <summary>The roles that may send <paramref name="eventType"/> in any open phase; empty for a phase-bound event.</summary>
    public static IReadOnlyList<PartnerRole> PhaseIndependentSenders(string eventType) =>
        PhaseIndependent.GetValueOrDefault(eventType) ?? [];

    /// <summary>The events <paramref name="sender"/> may send in any open phase, such as linking a participant.</summary>
    public static IReadOnlyList<string> PhaseIndependentEventTypes(PartnerRole sender) =>
        PhaseIndependent.Where(pair => pair.Value.Contains(sender)).Select(pair => pair.Key).ToList();

    public string RenderMermaid(DefinitionKey key) => MachineFor(library.Get(key)).Mermaid();

    private PhaseMachine MachineFor(TrajectoryDefinition definition)
    {
        var cache = machines.Value!;
        if (!cache.TryGetValue(definition.Key, out var machine))
        {
            machine = new PhaseMachine(definition);
            cache.Add(definition.Key, machine);
        }

        return machine;
    }

    private static Refusal Explain(
        TrajectoryDefinition definition, string phase, string eventType, PartnerRole sender, UnmetGuards unmet)
    {
        var candidates = definition.TransitionsFrom(phase).Where(transition => transition.EventType == eventType).ToList();
        if (candidates.Count == 0)
        {
            return new Refusal(RefusalReason.NotPermittedInPhase, $"'{eventType}' does not apply in phase '{phase}'.");
        }

        if (unmet.Role && !candidates.Any(transition => transition.Roles.Contains(sender.WireName())))
        {
            var roles = candidates.SelectMany(transition => transition.Roles).Distinct();
            return new Refusal(RefusalReason.RoleNotPermitted,
                $"In phase '{phase}', '{eventType}' may be sent by {string.Join(", ", roles)}, not by {sender.WireName()}.");
        }

        return new Refusal(RefusalReason.GuardNotMet,
            $"'{eventType}' in phase '{phase}' needs one of these conditions to be stated: {string.Join(", ", unmet.Conditions.Distinct())}.");
    }
}
