using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Stateless;
using Stateless.Graph;

namespace Schuldketen.Workflows.Engine;

/// <summary>
/// One Stateless machine for one definition version. A machine is not thread-safe and its
/// state lives outside it: the caller sets phase, role and facts, then asks or fires.
/// </summary>
internal sealed class PhaseMachine
{
    private const string RolePrefix = "role:";
    private const string GuardPrefix = "guard:";

    private readonly StateMachine<string, string> machine;
    private string phase;
    private string role = "";
    private IReadOnlySet<string> facts = new HashSet<string>();

    public PhaseMachine(TrajectoryDefinition definition)
    {
        phase = definition.InitialPhase;
        machine = new StateMachine<string, string>(() => phase, next => phase = next);
        foreach (var state in definition.Phases)
        {
            machine.Configure(state.Id);
        }

        foreach (var transition in definition.Transitions)
        {
            var guards = new List<Tuple<Func<bool>, string>>
            {
                Tuple.Create<Func<bool>, string>(() => transition.Roles.Contains(role), RolePrefix + string.Join(",", transition.Roles)),
            };
            if (transition.Guard is { } guard)
            {
                guards.Add(Tuple.Create<Func<bool>, string>(() => facts.Contains(guard), GuardPrefix + guard));
            }

            foreach (var from in transition.From)
            {
                var configuration = machine.Configure(from);
                if (from == transition.To)
                {
                    configuration.PermitReentryIf(transition.EventType, [.. guards]);
                }
                else
                {
                    configuration.PermitIf(transition.EventType, transition.To, [.. guards]);
                }
            }
        }
    }

    public bool CanFire(string currentPhase, string eventType, PartnerRole sender, IReadOnlySet<string> stated, out UnmetGuards unmet)
    {
        Set(currentPhase, sender, stated);
        var permitted = machine.CanFire(eventType, out var reported);
        var descriptions = reported ?? [];
        unmet = new UnmetGuards(
            descriptions.Any(description => description.StartsWith(RolePrefix, StringComparison.Ordinal)),
            descriptions.Where(description => description.StartsWith(GuardPrefix, StringComparison.Ordinal))
                .Select(description => description[GuardPrefix.Length..])
                .ToList());
        return permitted;
    }

    public string Fire(string currentPhase, string eventType, PartnerRole sender, IReadOnlySet<string> stated)
    {
        Set(currentPhase, sender, stated);
        machine.Fire(eventType);
        return phase;
    }

    public string Mermaid() => MermaidGraph.Format(machine.GetInfo(), MermaidGraphDirection.LeftToRight);

    private void Set(string currentPhase, PartnerRole sender, IReadOnlySet<string> stated)
    {
        phase = currentPhase;
        role = sender.WireName();
        facts = stated;
    }
}

internal sealed record UnmetGuards(bool Role, IReadOnlyList<string> Conditions);
