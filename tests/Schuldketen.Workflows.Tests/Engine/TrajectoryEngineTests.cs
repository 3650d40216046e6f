using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Workflows.Tests.Engine;

public class TrajectoryEngineTests
{
    private static readonly TrajectoryEngine Engine = Shipped.Engine;

    [Fact]
    public void A_crisis_check_that_finds_a_crisis_leads_to_crisis_intervention()
    {
        var decision = Engine.Decide(Shipped.Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Municipality, new HashSet<string> { Guards.Crisis });

        Assert.True(decision.Permitted);
        Assert.Equal("crisisinterventie", decision.Phase);
    }

    [Fact]
    public void A_crisis_check_without_crisis_goes_straight_to_the_first_conversation()
    {
        var decision = Engine.Decide(Shipped.Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Municipality, new HashSet<string> { Guards.NoCrisis });

        Assert.Equal("eerste-gesprek", decision.Phase);
    }

    [Fact]
    public void A_crisis_check_that_states_neither_condition_is_refused_with_the_conditions_named()
    {
        var decision = Engine.Decide(Shipped.Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Municipality);

        Assert.False(decision.Permitted);
        Assert.Equal(RefusalReason.GuardNotMet, decision.Refusal!.Reason);
        Assert.Contains(Guards.Crisis, decision.Refusal.Detail);
        Assert.Contains(Guards.NoCrisis, decision.Refusal.Detail);
    }

    [Fact]
    public void Closing_after_aftercare_needs_one_of_the_allowed_outcomes()
    {
        var withoutOutcome = Engine.Decide(Shipped.Standard, "nazorg", EventTypes.AftercareCompleted, PartnerRole.DebtCounsellor);
        var wrongOutcome = Engine.Decide(Shipped.Standard, "nazorg", EventTypes.AftercareCompleted, PartnerRole.DebtCounsellor, outcome: "uitval");
        var settled = Engine.Decide(Shipped.Standard, "nazorg", EventTypes.AftercareCompleted, PartnerRole.DebtCounsellor, outcome: "geregeld");

        Assert.Equal(RefusalReason.OutcomeRequired, withoutOutcome.Refusal!.Reason);
        Assert.Contains("geregeld, schone-lei", withoutOutcome.Refusal.Detail);
        Assert.False(wrongOutcome.Permitted);
        Assert.True(settled.Permitted);
        Assert.Equal(("afgesloten", "geregeld"), (settled.Phase, settled.Outcome));
    }

    [Fact]
    public void A_closed_trajectory_accepts_nothing()
    {
        var decision = Engine.Decide(Shipped.Standard, "afgesloten", EventTypes.DroppedOut, PartnerRole.Municipality, outcome: "uitval");

        Assert.Equal(RefusalReason.TrajectoryClosed, decision.Refusal!.Reason);
        Assert.Empty(Engine.PermittedEventTypes(Shipped.Standard, "afgesloten", PartnerRole.Municipality));
    }

    [Fact]
    public void A_refusal_lists_what_the_sender_may_send_now()
    {
        var decision = Engine.Decide(Shipped.Standard, "stabilisatie", EventTypes.SettlementAgreed, PartnerRole.DebtCounsellor);

        Assert.Equal(RefusalReason.NotPermittedInPhase, decision.Refusal!.Reason);
        Assert.Equal(
            [EventTypes.StabilisationCompleted, EventTypes.DroppedOut, EventTypes.Referred],
            decision.PermittedEventTypes);
    }

    [Fact]
    public void Next_steps_differ_by_role()
    {
        Assert.Equal(
            [EventTypes.CrisisCheckCompleted, EventTypes.DroppedOut, EventTypes.Referred],
            Engine.PermittedEventTypes(Shipped.Standard, "aanmelding", PartnerRole.Municipality));
        Assert.Equal(
            [EventTypes.DroppedOut, EventTypes.Referred],
            Engine.PermittedEventTypes(Shipped.Standard, "aanmelding", PartnerRole.DebtCounsellor));
        Assert.Empty(Engine.PermittedEventTypes(Shipped.Standard, "aanmelding", PartnerRole.Creditor));
        Assert.Equal(
            [EventTypes.MoratoriumGranted, EventTypes.ProtectiveAdministrationOrdered],
            Engine.PermittedEventTypes(Shipped.Standard, "schuldregeling", PartnerRole.Court));
    }

    [Fact]
    public void Protective_administration_is_recorded_without_leaving_the_phase()
    {
        var decision = Engine.Decide(Shipped.Standard, "aflossing", EventTypes.ProtectiveAdministrationOrdered, PartnerRole.Court);

        Assert.True(decision.Permitted);
        Assert.Equal("aflossing", decision.Phase);
    }

    [Fact]
    public void Machines_built_once_give_the_same_answers_on_many_threads_at_once()
    {
        var facts = new HashSet<string> { Guards.Crisis };
        var wrong = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var decision = i % 2 == 0
                ? Engine.Decide(Shipped.Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Municipality, facts)
                : Engine.Decide(Shipped.Standard, "schuldregeling", EventTypes.SettlementAgreed, PartnerRole.DebtCounsellor);
            var expected = i % 2 == 0 ? "crisisinterventie" : "aflossing";
            if (!decision.Permitted || decision.Phase != expected)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }
}
