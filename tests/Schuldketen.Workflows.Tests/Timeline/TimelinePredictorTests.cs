using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Tests.Timeline;

/// <summary>Expected dates worked out by hand from the Wgs terms, the NVVK norms and the Atw.</summary>
public class TimelinePredictorTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private readonly TimelinePredictor predictor = new(LegalCalendar.Default);

    [Fact]
    public void A_registration_without_crisis_gets_every_coming_phase_dated()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 3, 3, 9, 30, 0, Winter)),
        ];

        var timeline = predictor.Predict(Shipped.StandardDefinition, history, new DateOnly(2026, 3, 3));

        Assert.Equal(
        [
            ("aanmelding", StepStatus.Done, D(2026, 3, 2)),
            ("eerste-gesprek", StepStatus.Current, D(2026, 3, 3)),
            // first conversation within 4 weeks of the request: Monday 30 March
            ("besluit-toegang", StepStatus.Coming, D(2026, 3, 30)),
            // decision within 8 weeks after it: Monday 25 May is Whit Monday, so Tuesday 26 May (Atw art. 1)
            ("stabilisatie", StepStatus.Coming, D(2026, 5, 26)),
            // stabilisation 4 months (local policy, no shift): Saturday 26 September
            ("schuldregeling", StepStatus.Coming, D(2026, 9, 26)),
            // NVVK 120 days: Sunday 24 January 2027 (a guideline, no shift)
            ("aflossing", StepStatus.Coming, D(2027, 1, 24)),
            // repayment 18 months
            ("nazorg", StepStatus.Coming, D(2028, 7, 24)),
            // aftercare 6 months
            ("afgesloten", StepStatus.Coming, D(2029, 1, 24)),
        ],
        timeline.Steps.Select(step => (step.Phase, step.Status, step.Date)));

        var open = Assert.Single(timeline.OpenDeadlines);
        Assert.Equal(("eerste-gesprek", D(2026, 3, 2), new DateOnly(2026, 3, 30)), (open.Deadline.Id, open.StartedOn, open.DueOn));
    }

    [Fact]
    public void A_crisis_at_easter_runs_three_working_days_past_the_holidays()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 4, 2, 11, 0, 0, Summer)),
            new(EventTypes.CrisisCheckCompleted, "crisisinterventie", new DateTimeOffset(2026, 4, 2, 15, 0, 0, Summer)),
        ];

        var timeline = predictor.Predict(Shipped.StandardDefinition, history, new DateOnly(2026, 4, 2));

        // Thursday 2 April; Good Friday, the weekend and Easter Monday do not count: Tue 7, Wed 8, Thu 9 April.
        Assert.Equal(
            [("crisis", new DateOnly(2026, 4, 9)), ("eerste-gesprek", new DateOnly(2026, 4, 30))],
            timeline.OpenDeadlines.Select(open => (open.Deadline.Id, open.DueOn)));
        Assert.Equal(
            [("eerste-gesprek", D(2026, 4, 9)), ("besluit-toegang", D(2026, 4, 30))],
            timeline.Steps.Where(step => step.Status == StepStatus.Coming).Take(2).Select(step => (step.Phase, step.Date)));
        Assert.Equal(("crisisinterventie", StepStatus.Current), (timeline.Steps[1].Phase, timeline.Steps[1].Status));
    }

    [Fact]
    public void An_overdue_deadline_stays_open_and_the_next_phase_is_expected_no_earlier_than_today()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 3, 3, 9, 30, 0, Winter)),
        ];
        var today = new DateOnly(2026, 4, 15);

        var timeline = predictor.Predict(Shipped.StandardDefinition, history, today);

        var open = Assert.Single(timeline.OpenDeadlines);
        Assert.True(open.IsOverdue(today));
        Assert.Equal(today, timeline.Steps.First(step => step.Status == StepStatus.Coming).Date);
    }

    [Fact]
    public void A_closed_trajectory_has_no_coming_steps_and_no_running_clocks()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.DroppedOut, "afgesloten", new DateTimeOffset(2026, 3, 9, 10, 0, 0, Winter)),
        ];

        var timeline = predictor.Predict(Shipped.StandardDefinition, history, new DateOnly(2026, 3, 10));

        Assert.Equal(["aanmelding", "afgesloten"], timeline.Steps.Select(step => step.Phase));
        Assert.Equal(StepStatus.Current, timeline.Steps[^1].Status);
        Assert.Empty(timeline.OpenDeadlines);
    }

    [Fact]
    public void A_statutory_moratorium_ending_on_a_saturday_expires_on_monday()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 1, 5, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 1, 5, 11, 0, 0, Winter)),
            new(EventTypes.FirstConversationHeld, "besluit-toegang", new DateTimeOffset(2026, 1, 12, 11, 0, 0, Winter)),
            new(EventTypes.AccessGranted, "stabilisatie", new DateTimeOffset(2026, 2, 2, 11, 0, 0, Winter)),
            new(EventTypes.StabilisationCompleted, "schuldregeling", new DateTimeOffset(2026, 4, 1, 11, 0, 0, Summer)),
            new(EventTypes.MoratoriumGranted, "moratorium", new DateTimeOffset(2026, 4, 3, 11, 0, 0, Summer)),
        ];

        var timeline = predictor.Predict(Shipped.StandardDefinition, history, new DateOnly(2026, 4, 3));

        // 3 April + 6 months = Saturday 3 October 2026, a statutory term: Monday 5 October.
        var moratorium = Assert.Single(timeline.OpenDeadlines);
        Assert.Equal(("moratorium", new DateOnly(2026, 10, 5)), (moratorium.Deadline.Id, moratorium.DueOn));
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 0, 0, 0, Summer), moratorium.ExpiresAt);
        var next = timeline.Steps.First(step => step.Status == StepStatus.Coming);
        Assert.Equal(("schuldregeling", D(2026, 10, 5)), (next.Phase, next.Date));
    }

    private static DateOnly? D(int year, int month, int day) => new DateOnly(year, month, day);
}
