using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Workflows.Tests.Engine;

/// <summary>Every transition of wgs-standaard v1, once permitted and once refused.</summary>
public class StandardTransitionTests
{
    public static TheoryData<string, string, string> Transitions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var transition in Shipped.StandardDefinition.Transitions)
        {
            foreach (var from in transition.From)
            {
                data.Add(transition.EventType, from, transition.Guard ?? "");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_permitted_role_moves_the_trajectory_to_the_defined_phase(string eventType, string from, string guard)
    {
        var transition = Shipped.StandardDefinition.Transitions.Single(t => t.EventType == eventType && t.From.Contains(from) && (t.Guard ?? "") == guard);
        foreach (var roleName in transition.Roles)
        {
            Assert.True(PartnerRoles.TryParse(roleName, out var role));
            var decision = Shipped.Engine.Decide(Shipped.Standard, from, eventType, role, Facts(guard), transition.Outcomes.FirstOrDefault());

            Assert.True(decision.Permitted, decision.Refusal?.Detail);
            Assert.Equal(transition.To, decision.Phase);
            Assert.Equal(transition.Outcomes.FirstOrDefault(), decision.Outcome);
        }
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_other_role_is_refused_and_told_who_may_send_it(string eventType, string from, string guard)
    {
        var allowed = Shipped.StandardDefinition.TransitionsFrom(from).Where(t => t.EventType == eventType).SelectMany(t => t.Roles).ToHashSet();
        var others = PartnerRoles.All.Where(role => !allowed.Contains(role.WireName())).ToList();
        Assert.NotEmpty(others);
        foreach (var role in others)
        {
            var decision = Shipped.Engine.Decide(Shipped.Standard, from, eventType, role, Facts(guard), "uitval");

            Assert.False(decision.Permitted);
            Assert.Equal(RefusalReason.RoleNotPermitted, decision.Refusal!.Reason);
            Assert.Equal(from, decision.Phase);
            Assert.Contains(role.WireName(), decision.Refusal.Detail);
        }
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void The_event_is_refused_in_a_phase_it_does_not_leave(string eventType, string from, string guard)
    {
        var transition = Shipped.StandardDefinition.Transitions.First(t => t.EventType == eventType && t.From.Contains(from));
        PartnerRoles.TryParse(transition.Roles[0], out var role);
        var elsewhere = Shipped.StandardDefinition.Phases
            .Where(phase => !phase.Terminal && !Shipped.StandardDefinition.TransitionsFrom(phase.Id).Any(t => t.EventType == eventType))
            .ToList();
        Assert.NotEmpty(elsewhere);
        foreach (var phase in elsewhere)
        {
            var decision = Shipped.Engine.Decide(Shipped.Standard, phase.Id, eventType, role, Facts(guard));

            Assert.False(decision.Permitted);
            Assert.Equal(RefusalReason.NotPermittedInPhase, decision.Refusal!.Reason);
            Assert.DoesNotContain(eventType, decision.PermittedEventTypes);
        }
    }

    private static HashSet<string> Facts(string guard) => guard.Length == 0 ? [] : [guard];
}
