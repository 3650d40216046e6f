using System.Globalization;
using Microsoft.Playwright;
using Schuldketen.Functions.Demo;
using static Microsoft.Playwright.Assertions;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The routes still open, side by side, on the counsellor's case page and on the resident's own page. Demo trajectory 17
/// (wgs-standaard) asked for help on Monday 22 December 2025 and was granted help on Friday 20 February 2026: it is in
/// stabilisation. The hub's clock stands at Monday 2 March 2026.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutesTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly DemoStaffMember MunicipalTeam = DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality);

    // Stabilisation: 20 February 2026 + 4 months = Sat 20 June: Mon 22 June. Settlement: + 8 months = Mon 22 February 2027.
    // Repayment: + 18 months = Tue 22 August 2028. Aftercare: + 6 months = Thu 22 February 2029.
    private static readonly DateOnly SettledBy = new(2029, 2, 22);

    // WSNP request after the settlement: 22 February 2027 + 2 months = Thu 22 April 2027, the day a refusal closes it.
    private static readonly DateOnly RefusedBy = new(2027, 4, 22);

    // WSNP from Thu 22 April 2027: + 18 months = Sun 22 October 2028: Mon 23 October. Aftercare: + 6 months = Mon 23 April 2029.
    private static readonly DateOnly CleanSlateBy = new(2029, 4, 23);

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task The_case_page_shows_the_open_routes_side_by_side_with_their_end_dates_and_deadlines()
    {
        await using var counsellor = await Visitor.OpenAsync(chromium, hub);
        await counsellor.LoginAsStaffAsync(MunicipalTeam);
        await counsellor.Page.GotoAsync("/werkplek/traject/demo-017");

        var routes = Routes(counsellor.Page, "Routes die nog open staan");
        await Expect(routes).ToHaveCountAsync(3);
        await Expect(routes.Nth(0)).ToContainTextAsync("Route 1: De schuldeisers gaan akkoord met de schuldregeling");
        await Expect(routes.Nth(0)).ToContainTextAsync("Zoals het nu gepland is.");
        await Expect(routes.Nth(0)).ToContainTextAsync($"Klaar rond {Date(SettledBy)}");
        await Expect(routes.Nth(0)).ToContainTextAsync($"Rust in uw geldzaken: tot {Date(new DateOnly(2026, 6, 22))}");
        // The stabilisation clock runs already: 20 February + 4 months (policy, no shift) = Saturday 20 June.
        await Expect(routes.Nth(0)).ToContainTextAsync($"Stabilisatie afronden: uiterlijk {Date(new DateOnly(2026, 6, 20))} (beleid, loopt al)");
        await Expect(routes.Nth(1)).ToContainTextAsync("Route 2: Het verzoek om toelating tot de WSNP is afgewezen");
        await Expect(routes.Nth(1)).ToContainTextAsync($"Klaar rond {Date(RefusedBy)}");
        await Expect(routes.Nth(2)).ToContainTextAsync("Route 3: U bent toegelaten tot de WSNP");
        await Expect(routes.Nth(2)).ToContainTextAsync($"Klaar rond {Date(CleanSlateBy)}");
        await Expect(routes.Nth(2)).ToContainTextAsync($"Looptijd van de WSNP: uiterlijk {Date(new DateOnly(2028, 10, 23))} (wet, art. 349a Fw)");

        var (first, third) = (await routes.Nth(0).BoundingBoxAsync(), await routes.Nth(2).BoundingBoxAsync());
        Assert.Equal(first!.Y, third!.Y);
        Assert.True(third.X > first.X + first.Width, "on a wide screen the routes stand side by side");
        await counsellor.Page.GetByRole(AriaRole.Heading, new() { Name = "Routes die nog open staan" }).ScrollIntoViewIfNeededAsync();
        await counsellor.ScreenshotAsync("werkplek-routes");
    }

    [Fact]
    public async Task The_resident_sees_what_can_still_happen_with_the_same_dates_stacked_on_a_phone()
    {
        await using var resident = await Visitor.OpenAsync(chromium, hub, Visitor.Narrow);
        await resident.LoginAsResidentAsync(DemoResidents.All[16]);
        await resident.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("Aangevraagd op") }).ClickAsync();

        var routes = Routes(resident.Page, "Wat kan er nog gebeuren");
        await Expect(routes).ToHaveCountAsync(3);
        await Expect(routes.Nth(0)).ToContainTextAsync("Mogelijkheid 1: De schuldeisers gaan akkoord met de schuldregeling");
        await Expect(routes.Nth(0)).ToContainTextAsync("Dit verwachten we nu.");
        await Expect(routes.Nth(0)).ToContainTextAsync($"Klaar rond {Date(SettledBy)}");
        await Expect(routes.Nth(0)).ToContainTextAsync($"Aflossen: tot ongeveer {Date(new DateOnly(2028, 8, 22))}.");
        await Expect(routes.Nth(1)).ToContainTextAsync($"Klaar rond {Date(RefusedBy)}");
        await Expect(routes.Nth(2)).ToContainTextAsync("Mogelijkheid 3: U bent toegelaten tot de WSNP");
        await Expect(routes.Nth(2)).ToContainTextAsync($"Klaar rond {Date(CleanSlateBy)}");
        await Expect(routes.Nth(2)).ToContainTextAsync($"Looptijd van de WSNP: uiterlijk {Date(new DateOnly(2028, 10, 23))} (volgens de wet)");

        var (first, second) = (await routes.Nth(0).BoundingBoxAsync(), await routes.Nth(1).BoundingBoxAsync());
        Assert.True(second!.Y >= first!.Y + first.Height, "on a phone the routes stand one below the other");
        await resident.Page.GetByRole(AriaRole.Heading, new() { Name = "Wat kan er nog gebeuren" }).ScrollIntoViewIfNeededAsync();
        await resident.ScreenshotAsync("bewoner-360-routes");
    }

    private static ILocator Routes(IPage page, string heading) =>
        page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 }) }).Locator("li.route-card");

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);
}
