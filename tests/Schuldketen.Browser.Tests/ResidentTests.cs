using System.Globalization;
using Microsoft.Playwright;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;
using static Microsoft.Playwright.Assertions;

namespace Schuldketen.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ResidentTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_resident_sees_the_steps_done_now_and_coming_with_their_dates_and_what_to_do_by_when()
    {
        // Demo trajectory 14: asked for help 24 days ago, first conversation on day 10, now waiting for the decision.
        var resident = DemoResidents.All[13];
        var requested = hub.Clock.GetUtcNow().AddDays(-24).AddHours(-1);
        var conversation = DateOnly.FromDateTime(requested.AddDays(10).UtcDateTime);
        var decisionDue = conversation.AddDays(8 * 7); // 8 weeks, ending on a Monday that is no holiday: 13 April 2026
        Assert.Equal(DayOfWeek.Monday, decisionDue.DayOfWeek);

        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsResidentAsync(resident);
        var page = visitor.Page;
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Aangevraagd op") }).ClickAsync();

        ILocator Step(string title) => page.Locator("ol.steps > li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });
        await Expect(Step("Aanmelding")).ToContainTextAsync($"Klaar. Begonnen op {Date(DateOnly.FromDateTime(requested.UtcDateTime))}");
        await Expect(Step("Eerste gesprek")).ToContainTextAsync($"Klaar. Begonnen op {Date(conversation.AddDays(-9))}");
        await Expect(Step("Besluit over schuldhulp")).ToContainTextAsync($"Hier bent u nu. Begonnen op {Date(conversation)}");
        await Expect(Step("Rust in uw geldzaken")).ToContainTextAsync($"Komt nog. Verwacht uiterlijk {Date(decisionDue)}");
        await Expect(Step("Rust in uw geldzaken")).ToContainTextAsync("We maken samen een overzicht van uw schulden");

        var now = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Wat moet u nu doen?" }) });
        await Expect(now).ToContainTextAsync("Lever de papieren in");
        await Expect(now).ToContainTextAsync($"Uiterlijk op: {Date(decisionDue)}");
        await Expect(now).ToContainTextAsync($"Uw contactpersoon: {DemoOrganisations.Counsellors[13 % 3].Name} van Kredietbank Voorbeeldstad");

        var happened = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Wat is er gebeurd" }) });
        await Expect(happened).ToContainTextAsync($"{Date(conversation)}: Het eerste gesprek heeft plaatsgevonden (Kredietbank Voorbeeldstad)");
        await visitor.ScreenshotAsync("bewoner-traject");
    }

    [Fact]
    public async Task A_resident_gets_a_notice_for_each_new_step_and_for_a_deadline_an_organisation_let_pass()
    {
        // Demo trajectory 13: the first conversation (4 weeks, art. 4 lid 1 Wgs) was due last week and has not been held.
        var resident = DemoResidents.All[12];
        await new TimerPoller(hub.Store, hub.Service<HubIdentity>()).FireDueAsync();

        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsResidentAsync(resident);
        hub.Clock.Advance(PortalHub.NoticeInterval);
        var notices = visitor.Page.Locator("main li");
        var passed = notices.Filter(new() { HasText = "termijn voorbij: De termijn \"Eerste gesprek\" is voorbij. De gemeente heeft dit niet op tijd gedaan." });
        await ReloadUntilAsync(visitor.Page, "/mijn-schuldhulp/berichten", passed);

        await Expect(passed).ToHaveCountAsync(1);
        await Expect(notices.Filter(new() { HasText = "nieuwe stap" })).ToHaveCountAsync(2);
        await Expect(notices.Filter(new() { HasText = "Uw traject is bij een nieuwe stap: Eerste gesprek." })).ToHaveCountAsync(1);
        await Expect(notices.Filter(new() { HasText = "u moet iets doen" })).ToContainTextAsync("Kom naar het eerste gesprek");
        await visitor.ScreenshotAsync("bewoner-berichten");
    }

    /// <summary>Notices are sent in the background: reload the page until the expected one shows, for at most ten seconds.</summary>
    internal static async Task ReloadUntilAsync(IPage page, string path, ILocator expected)
    {
        await page.GotoAsync(path);
        await Poll.UntilAsync(async () =>
        {
            if (await expected.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }, $"the notice on {path}", TimeSpan.FromSeconds(10));
        await Expect(expected.First).ToBeVisibleAsync();
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);
}
