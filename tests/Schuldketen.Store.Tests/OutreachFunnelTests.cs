using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Overview;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

/// <summary>The outreach funnel of the chain overview, kept in the apply transaction, against the numbers the stored histories give.</summary>
public class OutreachFunnelTests
{
    private static readonly string[] HelpResults = ["(Budget)advies en/of ‘quick fix’", "Vervolghulp en/of verwijzing financieel", "Vervolghulp en/of verwijzing niet financieel"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_funnel_and_reach_per_contact_kind_match_the_stored_histories_and_leave_the_wgs_figures_alone(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-wgs", Monday));
        var cases = new OutreachCases(harness.Store, new OutreachSettings(Hub.Oin, new Dictionary<string, string>()));
        var h1 = (await cases.OpenOrJoinAsync(Signal("sig-1", "h1"))).TrajectoryId;
        await cases.OpenOrJoinAsync(Signal("sig-2", "h1"));
        var h2 = (await cases.OpenOrJoinAsync(Signal("sig-3", "h2"))).TrajectoryId;
        var h3 = (await cases.OpenOrJoinAsync(Signal("sig-4", "h3"))).TrajectoryId;
        var h4 = (await cases.OpenOrJoinAsync(Signal("sig-5", "h4"))).TrajectoryId;
        await cases.OpenOrJoinAsync(Signal("sig-6", "h3"));
        await AttemptAsync(harness, h1, "Brief", false);
        await AttemptAsync(harness, h1, "Telefoon", true);
        await AttemptAsync(harness, h2, "Brief", false);
        await AttemptAsync(harness, h2, "Brief", false);
        await AttemptAsync(harness, h3, "Huisbezoek", true);
        await AttemptAsync(harness, h3, "Telefoon", false);
        await CloseAsync(harness, h1, EndResult.FinancialFollowUp);
        await CloseAsync(harness, h2, EndResult.NoContact);
        await CloseAsync(harness, h3, EndResult.AdviceOrQuickFix);

        var overview = (await new ChainOverviewReader(harness.Store, harness.Engine.Library, harness.Clock).ReadAsync(MunicipalitySender, CancellationToken.None))!;

        var expected = await FromHistoriesAsync(harness, [h1, h2, h3, h4]);
        var funnel = overview.Outreach;
        Assert.Equal((6, 4, 2, 2), (funnel.Signals, funnel.Cases, funnel.Reached, funnel.HelpAccepted));
        Assert.Equal((expected.Signals, expected.Cases, expected.Reached, expected.HelpAccepted), (funnel.Signals, funnel.Cases, funnel.Reached, funnel.HelpAccepted));
        Assert.Equal(expected.PerKind, overview.Outreach.PerKind.Where(kind => kind.Cases > 0));
        Assert.Equal([("Brief", 2, 1), ("Telefoon", 2, 2), ("Huisbezoek", 1, 1)],
            overview.Outreach.PerKind.Where(kind => kind.Cases > 0).Select(kind => (kind.Kind, kind.Cases, kind.Reached)).OrderBy(kind => kind.Kind == "Brief" ? 0 : kind.Kind == "Telefoon" ? 1 : 2));
        Assert.Equal(1, overview.Trajectories);
        Assert.Equal(1, overview.Funnel.Single(phase => phase.Phase == "aanmelding").Reached);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_municipality_with_outreach_cases_and_no_wgs_trajectory_gets_the_outreach_funnel(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var reader = new ChainOverviewReader(harness.Store, harness.Engine.Library, harness.Clock);
        var nothingYet = await reader.ReadAsync(MunicipalitySender, CancellationToken.None);
        var cases = new OutreachCases(harness.Store, new OutreachSettings(Hub.Oin, new Dictionary<string, string>()));
        var h1 = (await cases.OpenOrJoinAsync(Signal("sig-1", "h1"))).TrajectoryId;
        await cases.OpenOrJoinAsync(Signal("sig-2", "h1"));
        await cases.OpenOrJoinAsync(Signal("sig-3", "h2"));
        await AttemptAsync(harness, h1, "Telefoon", true);

        var overview = await reader.ReadAsync(MunicipalitySender, CancellationToken.None);

        Assert.Null(nothingYet);
        Assert.NotNull(overview);
        Assert.Equal((0, 3, 2, 1), (overview.Trajectories, overview.Outreach.Signals, overview.Outreach.Cases, overview.Outreach.Reached));
        Assert.Empty(overview.Funnel);
        Assert.Equal(("Telefoon", 1, 1), overview.Outreach.PerKind.Where(kind => kind.Cases > 0).Select(kind => (kind.Kind, kind.Cases, kind.Reached)).Single());
    }

    /// <summary>The funnel as the stored histories give it, read event by event.</summary>
    private static async Task<OutreachFunnel> FromHistoriesAsync(StoreHarness harness, IReadOnlyList<string> caseIds)
    {
        var (signals, reached, help) = (0, 0, 0);
        var perKind = new Dictionary<string, (int Cases, int Reached)>(StringComparer.Ordinal);
        foreach (var id in caseIds)
        {
            var history = await harness.Store.HistoryAsync(id);
            signals += history.Count(entry => entry.EventType == EventTypes.SignalJoined);
            var attempts = history.Where(entry => entry.EventType == EventTypes.ContactAttempted).Select(entry => JsonDocument.Parse(entry.Data).RootElement).ToList();
            var wasReached = attempts.Any(attempt => attempt.GetProperty("bereikt").GetBoolean());
            reached += wasReached ? 1 : 0;
            help += history.Any(entry => entry.EventType == EventTypes.OutreachClosed
                                         && HelpResults.Contains(JsonDocument.Parse(entry.Data).RootElement.GetProperty("eindresultaat").GetString())) ? 1 : 0;
            foreach (var kind in attempts.Select(attempt => attempt.GetProperty("soort").GetString()!).Distinct())
            {
                var (tried, reachedAfter) = perKind.GetValueOrDefault(kind);
                perKind[kind] = (tried + 1, reachedAfter + (wasReached ? 1 : 0));
            }
        }

        return new OutreachFunnel(signals, caseIds.Count, reached, help,
            Enum.GetValues<ContactKind>().Select(EnumWireNames.Of).Where(perKind.ContainsKey)
                .Select(kind => new ContactReach(kind, perKind[kind].Cases, perKind[kind].Reached)).ToList());
    }

    private static OutreachRequest Signal(string signalId, string household) => new(
        Municipality,
        household,
        new SignalJoined(signalId, SignalPartnerType.Water, "Waterbedrijf Midden", 310, new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 28), false, false,
            SignalStatus.NotYetPickedUp),
        Monday,
        MatchingMonths: 6);

    private static async Task AttemptAsync(StoreHarness harness, string caseId, string kind, bool reached)
    {
        var applied = await harness.Store.ApplyAsync(Event(caseId, EventTypes.ContactAttempted, Monday.AddDays(1)) with
        {
            Data = $$"""{"soort":"{{kind}}","bereikt":{{(reached ? "true" : "false")}},"datum":"2026-03-03"}""",
        });
        Assert.Equal(ApplyStatus.Accepted, applied.Status);
    }

    private static async Task CloseAsync(StoreHarness harness, string caseId, EndResult endResult)
    {
        var closing = new OutreachClosed(endResult);
        var applied = await harness.Store.ApplyAsync(Event(caseId, EventTypes.OutreachClosed, Monday.AddDays(2), outcome: ((IEventData)closing).Outcome) with
        {
            Data = JsonSerializer.Serialize(closing, EventDataJson.Options),
        });
        Assert.Equal(ApplyStatus.Accepted, applied.Status);
    }
}
