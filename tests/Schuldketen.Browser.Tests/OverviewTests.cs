using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The chain overview's numbers against the seeded trajectories, counted here straight from the
/// stored histories with the statutory terms of wgs-standaard written out by hand.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The statutory deadlines of wgs-standaard v1: when each starts, what stops it, and when it is due.</summary>
    private static readonly (string Id, Func<Step, bool> Starts, Func<Step, bool> Stops, Func<DateOnly, DateOnly> Due)[] Statutory =
    [
        ("crisis", step => step.Index == 0, step => step.Entered == "eerste-gesprek", start => LegalCalendar.Default.AddWorkingDays(start, 3)),
        ("eerste-gesprek", step => step.Index == 0, step => step.Type == EventTypes.FirstConversationHeld, start => Atw(start.AddDays(28))),
        ("besluit-toegang", step => step.Type == EventTypes.FirstConversationHeld,
            step => step.Type is EventTypes.AccessGranted or EventTypes.AccessRefused, start => Atw(start.AddDays(56))),
        ("bezwaartermijn", step => step.Entered == "bezwaartermijn", step => step.Type == EventTypes.ObjectionFiled, start => Atw(start.AddDays(42))),
        ("moratorium", step => step.Entered == "moratorium", step => step.Entered == "schuldregeling", start => Atw(start.AddMonths(6))),
        ("wsnp-looptijd", step => step.Entered == "wsnp", step => step.Entered == "nazorg", start => Atw(start.AddMonths(18))),
    ];

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task The_chain_overview_shows_the_funnel_waiting_times_and_statutory_deadlines_of_the_seeded_trajectories()
    {
        var today = DutchDate(hub.Clock.GetUtcNow());
        var definition = hub.Service<DefinitionLibrary>().Get(new DefinitionKey("wgs-standaard", 1));
        var trajectories = new List<(TrajectoryRecord Trajectory, IReadOnlyList<StoredHistoryEntry> History)>();
        for (var i = 0; i < DemoResidents.All.Count; i++)
        {
            var id = $"demo-{i + 1:D3}";
            trajectories.Add(((await hub.Store.FindAsync(id))!, await hub.Store.HistoryAsync(id)));
        }

        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality));
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Ketenoverzicht" }).ClickAsync();
        await visitor.ScreenshotAsync("ketenoverzicht");

        var funnel = await TableAsync(visitor.Page, "Trajecten per fase");
        var waits = await TableAsync(visitor.Page, "Duur per fase in dagen");
        foreach (var phase in definition.Phases.Where(phase => !phase.Terminal))
        {
            var reached = trajectories.Count(t => t.History.Any(entry => entry.Phase == phase.Id));
            var dropped = trajectories.Count(t => t.Trajectory.Outcome == "uitval" && t.History[^2].Phase == phase.Id);
            Assert.Equal([reached.ToString(), dropped.ToString()], funnel[phase.Title]);

            var days = trajectories.SelectMany(t => Stays(t.History)).Where(stay => stay.Phase == phase.Id).Select(stay => stay.Days).Order().ToList();
            Assert.Equal([days.Count.ToString(), Rank(days, 0.5), Rank(days, 0.9)], waits[phase.Title]);
        }

        Assert.Equal(DemoResidents.All.Count.ToString(), funnel["Aanmelding"][0]);
        var (met, missed) = trajectories.Select(t => Score(t.History, definition, today)).Aggregate((0, 0), (sum, s) => (sum.Item1 + s.Met, sum.Item2 + s.Missed));
        var deadlines = await TableAsync(visitor.Page, "Wettelijke termijnen");
        Assert.Equal(met.ToString(), deadlines["Gehaald"].Single());
        Assert.Equal(missed.ToString(), deadlines["Niet gehaald"].Single());
        Assert.Equal($"{met * 100 / (met + missed)} procent", deadlines["Deel gehaald"].Single());
        Assert.True(met > 0 && missed > 0, $"The seed should have both met ({met}) and missed ({missed}) statutory deadlines.");

        // The overview counts aggregates: no resident finds it among who processed their data.
        foreach (var (trajectory, _) in trajectories)
        {
            Assert.DoesNotContain(await hub.Store.AuditOfTrajectoryAsync(trajectory.Id), entry => entry.Activity == ChainOverviewReader.Activity);
        }
    }

    private static async Task<Dictionary<string, string[]>> TableAsync(IPage page, string caption)
    {
        var rows = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = caption }) }).Locator("tbody tr");
        var table = new Dictionary<string, string[]>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            table[await rows.Nth(i).Locator("th").InnerTextAsync()] = (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).ToArray();
        }

        return table;
    }

    private static IEnumerable<(string Phase, int Days)> Stays(IReadOnlyList<StoredHistoryEntry> history)
    {
        var entered = history[0].OccurredAt;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Phase != history[i - 1].Phase)
            {
                yield return (history[i - 1].Phase, DutchDate(history[i].OccurredAt).DayNumber - DutchDate(entered).DayNumber);
                entered = history[i].OccurredAt;
            }
        }
    }

    private static string Rank(List<int> sorted, double share) =>
        sorted.Count == 0 ? "nog niet bekend" : sorted[(int)Math.Ceiling(share * sorted.Count) - 1].ToString();

    private static (int Met, int Missed) Score(IReadOnlyList<StoredHistoryEntry> history, TrajectoryDefinition definition, DateOnly today)
    {
        var running = new Dictionary<string, DateOnly>();
        var (met, missed) = (0, 0);
        for (var i = 0; i < history.Count; i++)
        {
            var step = new Step(i, history[i].EventType, i == 0 || history[i].Phase != history[i - 1].Phase ? history[i].Phase : null, DutchDate(history[i].OccurredAt));
            foreach (var (id, starts, stops, due) in Statutory)
            {
                if (running.TryGetValue(id, out var dueOn) && stops(step))
                {
                    (met, missed) = step.Date <= dueOn ? (met + 1, missed) : (met, missed + 1);
                    running.Remove(id);
                }

                if (starts(step))
                {
                    running[id] = due(step.Date);
                }
            }
        }

        var closed = definition.Phase(history[^1].Phase).Terminal;
        return (met, missed + (closed ? 0 : running.Values.Count(dueOn => today > dueOn)));
    }

    private static DateOnly Atw(DateOnly end) => LegalCalendar.Default.NextWorkingDayOnOrAfter(end);

    private static DateOnly DutchDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);

    private sealed record Step(int Index, string Type, string? Entered, DateOnly Date);
}
