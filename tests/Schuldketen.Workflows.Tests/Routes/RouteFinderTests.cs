using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Routes;

namespace Schuldketen.Workflows.Tests.Routes;

/// <summary>Which routes are still open from a phase: simple paths to a closing phase that mean something to a resident.</summary>
public class RouteFinderTests
{
    private static readonly DefinitionKey Voorbeeldstad = new("voorbeeldstad-kredietbank", 1);

    [Fact]
    public void From_stabilisation_the_routes_are_the_settlement_the_wsnp_and_the_wsnp_refused()
    {
        var routes = Phases(RouteFinder.From(Shipped.StandardDefinition, "stabilisatie"));

        Assert.Equal(
        [
            "stabilisatie > schuldregeling > aflossing > nazorg > afgesloten",
            "stabilisatie > schuldregeling > wsnp-verzoek > afgesloten",
            "stabilisatie > schuldregeling > wsnp-verzoek > wsnp > nazorg > afgesloten",
        ], routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void From_registration_a_crisis_first_or_an_objection_won_is_no_route_of_its_own_and_a_refusal_is()
    {
        var routes = Phases(RouteFinder.From(Shipped.StandardDefinition, "aanmelding"));

        Assert.Equal(
        [
            "aanmelding > eerste-gesprek > besluit-toegang > bezwaartermijn > afgesloten",
            "aanmelding > eerste-gesprek > besluit-toegang > bezwaartermijn > bezwaar > afgesloten",
            "aanmelding > eerste-gesprek > besluit-toegang > stabilisatie > schuldregeling > aflossing > nazorg > afgesloten",
            "aanmelding > eerste-gesprek > besluit-toegang > stabilisatie > schuldregeling > wsnp-verzoek > afgesloten",
            "aanmelding > eerste-gesprek > besluit-toegang > stabilisatie > schuldregeling > wsnp-verzoek > wsnp > nazorg > afgesloten",
        ], routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void When_access_was_refused_the_routes_are_letting_the_objection_period_pass_or_objecting_and_losing_or_winning()
    {
        var paths = RouteFinder.From(Shipped.StandardDefinition, "bezwaartermijn");

        var timeout = Assert.Single(paths, path => path.Legs.Count == 1);
        Assert.Equal((EventTypes.ObjectionPeriodExpired, true), (timeout.Closing.EventType, timeout.Closing.ByTimeout));
        Assert.Equal(["geweigerd"], timeout.Closing.Outcomes);
        Assert.Equal(3, paths.Count(path => path.Legs[0].EventType == EventTypes.ObjectionFiled && path.Legs[1].EventType == EventTypes.ObjectionUpheld));
        var dismissed = Assert.Single(paths, path => path.Closing.EventType == EventTypes.ObjectionDismissed);
        Assert.Equal(["bezwaartermijn", "bezwaar", "afgesloten"], dismissed.Phases);
        Assert.Equal(5, paths.Count);
    }

    [Fact]
    public void A_moratorium_goes_back_to_the_settlement_by_the_courts_ruling_not_by_the_hubs_timeout()
    {
        var paths = RouteFinder.From(Shipped.StandardDefinition, "moratorium");

        Assert.Equal(3, paths.Count);
        Assert.All(paths, path => Assert.Equal((EventTypes.MoratoriumEnded, false), (path.Legs[0].EventType, path.Legs[0].ByTimeout)));
    }

    [Fact]
    public void After_a_court_settlement_was_asked_for_it_can_be_granted_or_lead_to_the_wsnp()
    {
        var routes = Phases(RouteFinder.From(Shipped.StandardDefinition, "dwangakkoord"));

        Assert.Equal(
        [
            "dwangakkoord > aflossing > nazorg > afgesloten",
            "dwangakkoord > wsnp-verzoek > afgesloten",
            "dwangakkoord > wsnp-verzoek > wsnp > nazorg > afgesloten",
        ], routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_voorbeeldstad_the_settlement_route_runs_through_the_consolidation_loan()
    {
        var routes = Phases(RouteFinder.From(Shipped.Library.Get(Voorbeeldstad), "stabilisatie"));

        Assert.Contains("stabilisatie > saneringskrediet > aflossing > nazorg > afgesloten", routes);
        Assert.Contains("stabilisatie > saneringskrediet > wsnp-verzoek > wsnp > nazorg > afgesloten", routes);
    }

    [Fact]
    public void No_route_of_any_shipped_definition_visits_a_phase_twice_or_closes_by_dropping_out_or_referral()
    {
        var checkedRoutes = 0;
        foreach (var definition in Shipped.Library.All)
        {
            foreach (var phase in definition.Phases.Where(phase => !phase.Terminal))
            {
                var paths = RouteFinder.From(definition, phase.Id);

                Assert.NotEmpty(paths);
                foreach (var path in paths)
                {
                    var phases = path.Phases.ToList();
                    Assert.Equal(phases.Count, phases.Distinct().Count());
                    Assert.Equal(phase.Id, phases[0]);
                    Assert.True(definition.Phase(phases[^1]).Terminal);
                    Assert.All(phases.SkipLast(1), visited => Assert.False(definition.Phase(visited).Terminal));
                    Assert.DoesNotContain(path.Legs, leg => leg.EventType is EventTypes.DroppedOut or EventTypes.Referred);
                    checkedRoutes++;
                }
            }
        }

        Assert.True(checkedRoutes > 40, $"only {checkedRoutes} routes were checked");
    }

    [Fact]
    public void Both_ways_round_a_diamond_are_found_and_the_way_back_is_not_followed()
    {
        const string yaml = """
            id: ruit
            version: 1
            title: Twee wegen
            initial: start
            main-path: [start, links, samen, klaar]
            phases:
              - { id: start, title: Start, resident: Begonnen. }
              - { id: links, title: Links, resident: Links. }
              - { id: rechts, title: Rechts, resident: Rechts. }
              - { id: samen, title: Samen, resident: Samen. }
              - id: klaar
                title: Klaar
                resident: Klaar.
                terminal: true
                outcomes: [geregeld]
                fhir-per-outcome: { geregeld: { status: completed } }
            transitions:
              - { on: nl.schuldketen.crisischeck.uitgevoerd, from: start, to: links, roles: [gemeente] }
              - { on: nl.schuldketen.crisis.afgewend, from: start, to: rechts, roles: [gemeente] }
              - { on: nl.schuldketen.eerste-gesprek.gevoerd, from: [links, rechts], to: samen, roles: [gemeente] }
              - { on: nl.schuldketen.moratorium.beeindigd, from: samen, to: links, roles: [rechtbank] }
              - { on: nl.schuldketen.nazorg.afgerond, from: samen, to: klaar, roles: [gemeente], outcomes: [geregeld] }
            deadlines: []
            """;
        var read = DefinitionReader.Read(yaml, "ruit.yaml");
        Assert.Empty(read.Findings);

        var routes = Phases(RouteFinder.From(read.Definition!, "start"));

        Assert.Equal(["start > links > samen > klaar", "start > rechts > samen > klaar"], routes.Order(StringComparer.Ordinal));
    }

    private static List<string> Phases(IEnumerable<RoutePath> paths) => paths.Select(path => string.Join(" > ", path.Phases)).ToList();
}
