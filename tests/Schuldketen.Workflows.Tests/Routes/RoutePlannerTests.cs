using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Routes;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Tests.Routes;

/// <summary>
/// The dates of the routes ahead, each worked out by hand: a phase ends after its expected duration on the next working day,
/// deadlines are counted as the Algemene termijnenwet says (only statutory ones run on past a weekend or holiday).
/// </summary>
public class RoutePlannerTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private readonly RoutePlanner planner = new(LegalCalendar.Default);

    [Fact]
    public void From_stabilisation_in_august_the_routes_run_past_christmas_and_the_main_path_comes_first()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 3, 3, 10, 0, 0, Winter)),
            new(EventTypes.FirstConversationHeld, "besluit-toegang", new DateTimeOffset(2026, 3, 16, 10, 0, 0, Winter)),
            new(EventTypes.AccessGranted, "stabilisatie", new DateTimeOffset(2026, 8, 25, 10, 0, 0, Summer)),
        ];

        var routes = planner.Plan(Shipped.StandardDefinition, history, new DateOnly(2026, 8, 25));

        Assert.Equal(3, routes.Count);
        var settlement = routes[0];
        Assert.True(settlement.FollowsMainPath);
        Assert.Equal(
        [
            // Tue 25 August 2026 + 4 months = Fri 25 December, Christmas; Boxing Day and the weekend follow: Mon 28 December
            ("stabilisatie", D(2026, 8, 25), D(2026, 12, 28)),
            // + 8 months = Sat 28 August 2027: Mon 30 August
            ("schuldregeling", D(2026, 12, 28), D(2027, 8, 30)),
            // + 18 months = 30 February 2029, which does not exist: the last day of February, Wed 28 February 2029
            ("aflossing", D(2027, 8, 30), D(2029, 2, 28)),
            // + 6 months = Tue 28 August 2029
            ("nazorg", D(2029, 2, 28), D(2029, 8, 28)),
        ],
        settlement.Stops.Select(stop => (stop.Phase.Id, stop.StartsOn, stop.EndsOn)));
        Assert.Equal(new DateOnly(2029, 8, 28), settlement.EndsOn);
        Assert.Equal("afgesloten", settlement.Closing.Id);
        Assert.Equal(["geregeld", "schone-lei"], settlement.Outcomes);
        Assert.Equal(EventTypes.SettlementAgreed, settlement.Turn);

        Assert.Equal(
        [
            // running: 25 August + 4 months (policy, no shift) = Fri 25 December 2026
            ("stabilisatie", D(2026, 8, 25), D(2026, 12, 25), true),
            // 28 December 2026 + 120 days (NVVK guideline, no shift) = Tue 27 April 2027, King's Day: it stays
            ("schuldregeling", D(2026, 12, 28), D(2027, 4, 27), false),
            // 30 August 2027 + 18 months (guideline) = Wed 28 February 2029
            ("aflossing", D(2027, 8, 30), D(2029, 2, 28), false),
            // 28 February 2029 + 6 months (policy) = Tue 28 August 2029
            ("nazorg", D(2029, 2, 28), D(2029, 8, 28), false),
        ],
        settlement.Deadlines.Select(deadline => (deadline.Deadline.Id, (DateOnly?)deadline.StartsOn, (DateOnly?)deadline.DueOn, deadline.Running)));

        // The other two routes by their end: the WSNP refused ends first.
        var (refused, wsnp) = (routes[1], routes[2]);
        // 30 August 2027 + 2 months = Sat 30 October 2027: Mon 1 November
        Assert.Equal((D(2027, 11, 1), EventTypes.WsnpRejected), (refused.EndsOn, refused.Turn));
        Assert.Equal(
        [
            ("stabilisatie", D(2026, 12, 28)),
            ("schuldregeling", D(2027, 8, 30)),
            ("wsnp-verzoek", D(2027, 11, 1)),
            // 1 November 2027 + 18 months (art. 349a Fw) = Tue 1 May 2029, a working day
            ("wsnp", D(2029, 5, 1)),
            // + 6 months = Thu 1 November 2029
            ("nazorg", D(2029, 11, 1)),
        ],
        wsnp.Stops.Select(stop => (stop.Phase.Id, stop.EndsOn)));
        Assert.Equal(EventTypes.WsnpAdmitted, wsnp.Turn);
        // The home visit: 1 November 2027 + 2 weeks (Recofa guideline) = Mon 15 November; the WSNP's statutory term ends with the phase.
        Assert.Contains(("wsnp-huisbezoek", new DateOnly(2027, 11, 15)), wsnp.Deadlines.Select(deadline => (deadline.Deadline.Id, deadline.DueOn)));
        Assert.Contains(("wsnp-looptijd", new DateOnly(2029, 5, 1)), wsnp.Deadlines.Select(deadline => (deadline.Deadline.Id, deadline.DueOn)));
    }

    [Fact]
    public void A_decision_expected_on_ascension_day_moves_past_the_decreed_friday_to_monday()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 4, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 3, 5, 10, 0, 0, Winter)),
        ];

        var routes = planner.Plan(Shipped.StandardDefinition, history, new DateOnly(2026, 3, 5));

        Assert.Equal(5, routes.Count);
        var main = routes[0];
        Assert.Equal(
        [
            // Thu 5 March + 2 weeks (about 11 days' wait, NVVK) = Thu 19 March, a working day
            ("eerste-gesprek", D(2026, 3, 19)),
            // + 8 weeks = Thu 14 May, Ascension Day; Fri 15 May is made equal to a holiday by decree, then the weekend: Mon 18 May
            ("besluit-toegang", D(2026, 5, 18)),
            // + 4 months = Fri 18 September
            ("stabilisatie", D(2026, 9, 18)),
        ],
        main.Stops.Take(3).Select(stop => (stop.Phase.Id, stop.EndsOn)));
        Assert.Equal(
        [
            // running: Wed 4 March + 4 weeks (art. 4 lid 1 Wgs) = Wed 1 April
            ("eerste-gesprek", new DateOnly(2026, 4, 1), true),
            // from the first conversation on 19 March, 8 weeks (art. 4a lid 1 Wgs) = Ascension Day, then the decreed Friday: Mon 18 May
            ("besluit-toegang", new DateOnly(2026, 5, 18), false),
        ],
        main.Deadlines.Take(2).Select(deadline => (deadline.Deadline.Id, deadline.DueOn, deadline.Running)));

        // Refused on Mon 18 May: 6 weeks to object (art. 6:7 Awb) until Mon 29 June; the hub closes the trajectory the day after.
        var refused = Assert.Single(routes, route => route.Turn == EventTypes.ObjectionPeriodExpired);
        Assert.Equal(
            [("eerste-gesprek", D(2026, 3, 19)), ("besluit-toegang", D(2026, 5, 18)), ("bezwaartermijn", D(2026, 6, 30))],
            refused.Stops.Select(stop => (stop.Phase.Id, stop.EndsOn)));
        Assert.True(refused.Stops[^1].Leaving.ByTimeout);
        Assert.Equal(new DateOnly(2026, 6, 30), refused.EndsOn);
    }

    [Fact]
    public void During_an_objection_period_ending_on_kings_day_the_routes_are_ordered_by_their_end()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 11, 2, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 11, 3, 10, 0, 0, Winter)),
            new(EventTypes.FirstConversationHeld, "besluit-toegang", new DateTimeOffset(2026, 11, 17, 10, 0, 0, Winter)),
            new(EventTypes.AccessRefused, "bezwaartermijn", new DateTimeOffset(2027, 3, 16, 10, 0, 0, Winter)),
        ];

        var routes = planner.Plan(Shipped.StandardDefinition, history, new DateOnly(2027, 3, 20));

        Assert.All(routes, route => Assert.False(route.FollowsMainPath));
        Assert.Equal(
        [
            // Tue 16 March 2027 + 6 weeks (art. 6:7 Awb) = Tue 27 April, King's Day: the term runs to Wed 28 April,
            // the hub closes on Thu 29 April
            (EventTypes.ObjectionPeriodExpired, D(2027, 4, 29)),
            // objection filed about when the period ends, Wed 28 April; + 12 weeks (art. 7:10 Awb) = Wed 21 July 2027
            (EventTypes.ObjectionDismissed, D(2027, 7, 21)),
            // upheld on Wed 21 July 2027; stabilisation + 4 months = Sun 21 November: Mon 22 November; settlement + 8 months
            // = Sat 22 July 2028: Mon 24 July; WSNP request + 2 months = Sun 24 September: Mon 25 September 2028
            (EventTypes.WsnpRejected, D(2028, 9, 25)),
            // repayment: 24 July 2028 + 18 months = Thu 24 January 2030; aftercare + 6 months = Wed 24 July 2030
            (EventTypes.SettlementAgreed, D(2030, 7, 24)),
            // WSNP: 25 September 2028 + 18 months = Mon 25 March 2030; aftercare + 6 months = Wed 25 September 2030
            (EventTypes.WsnpAdmitted, D(2030, 9, 25)),
        ],
        routes.Select(route => (route.Turn, route.EndsOn)));
        Assert.Equal((D(2027, 4, 28), D(2027, 7, 21)), (routes[1].Stops[0].EndsOn, routes[1].Stops[1].EndsOn));
    }

    [Fact]
    public void A_phase_that_runs_late_is_expected_to_end_no_earlier_than_today()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", new DateTimeOffset(2026, 3, 3, 10, 0, 0, Winter)),
        ];
        var today = new DateOnly(2026, 4, 15);

        var routes = planner.Plan(Shipped.StandardDefinition, history, today);

        Assert.All(routes, route => Assert.Equal(today, route.Stops[0].EndsOn));
    }

    [Fact]
    public void A_closed_trajectory_has_no_routes_ahead()
    {
        HistoryEntry[] history =
        [
            new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter)),
            new(EventTypes.DroppedOut, "afgesloten", new DateTimeOffset(2026, 3, 9, 10, 0, 0, Winter)),
        ];

        Assert.Empty(planner.Plan(Shipped.StandardDefinition, history, new DateOnly(2026, 3, 10)));
    }

    private static DateOnly? D(int year, int month, int day) => new DateOnly(year, month, day);
}
