using Dapper;
using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using static Microsoft.Playwright.Assertions;
using static Schuldketen.Browser.Tests.PageChecks;

namespace Schuldketen.Browser.Tests;

/// <summary>The ways in on the pages: a resident's own registration, the workplace's registration with a channel, contact moments.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChannelPagesTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly DemoStaffMember MunicipalTeam = DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality);
    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task A_resident_whose_help_ended_asks_for_help_again_with_only_a_phone_number_and_sees_the_dates_that_follow(int width)
    {
        var resident = await ResidentWithClosedTrajectoryAsync();
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsResidentAsync(resident);
        var page = visitor.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Hulp vragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hulp vragen bij geldzorgen", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // Nothing filled in: the one required thing is said, next to the field and at the top.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulp aanvragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul uw telefoonnummer of uw e-mailadres in.");
        await Expect(page.GetByLabel("Telefoonnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);
        await visitor.ScreenshotAsync($"aanmelden-fout-{width}");

        await page.GetByLabel("Telefoonnummer").FillAsync("06 12345678");
        await page.GetByRole(AriaRole.Group, new() { Name = "Wordt uw gas, stroom of water binnenkort afgesloten?" }).GetByLabel("Ja").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulp aanvragen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw aanvraag is ontvangen.");
        // The Wgs clock runs from now (Monday 2 March 2026): the crisis check within 3 working days, then the first conversation.
        var firstConversation = page.Locator("ol.steps > li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Eerste gesprek", Exact = true }) });
        await Expect(firstConversation).ToContainTextAsync("Verwacht uiterlijk");
        await Expect(firstConversation).ToContainTextAsync("Verwacht uiterlijk 5 maart 2026");
        await AssertAccessibleAsync(page);
        await visitor.ScreenshotAsync($"aanmelden-ontvangen-{width}");

        var mine = await hub.Store.OfSubjectAsync((await hub.Store.FindAsync(DemoSeed.TrajectoryId(resident.Index)))!.SubjectHash!);
        var registered = Assert.Single(mine, trajectory => trajectory.Outcome is null);
        Assert.Equal((Channel.Website, "aanmelding"), (registered.Channel, registered.Phase));
        Assert.Equal(hub.Clock.GetUtcNow(), registered.StartedAt);
        Assert.Contains(await hub.Store.TimersAsync(registered.Id), timer => timer.DeadlineId == "crisis");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(hub.Database.ConnectionString);
        var stored = await connection.QuerySingleAsync<string>("SELECT answers FROM self_registrations WHERE trajectory_id = @id", new { id = registered.Id });
        Assert.DoesNotContain("12345678", stored, StringComparison.Ordinal);

        // The municipality sees how the resident came in and what they answered, with the crisis marked.
        await using var team = await Visitor.OpenAsync(chromium, hub, width);
        await team.LoginAsStaffAsync(MunicipalTeam);
        await team.Page.GotoAsync($"/werkplek/traject/{registered.Id}");
        await Expect(team.Page.Locator("main")).ToContainTextAsync("Aangemeld via: Website (aanmeldformulier)");
        await Expect(team.Page.Locator("main")).ToContainTextAsync("06 12345678");
        await Expect(team.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("De inwoner gaf aan dat er een crisis dreigt.");
        await AssertAccessibleAsync(team.Page);
    }

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task The_kcc_registers_a_resident_who_phoned_and_records_a_home_visit_that_reached_no_one(int width)
    {
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsStaffAsync(MunicipalTeam);
        var page = visitor.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Inwoner aanmelden" }).ClickAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Burgerservicenummer").FillAsync("123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een geldig burgerservicenummer in");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies via welk kanaal");
        Assert.DoesNotContain("123456789", await page.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Burgerservicenummer").FillAsync("111222333");
        await page.GetByLabel("Telefoon").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De inwoner is aangemeld (kanaal: telefoon).");
        await Expect(page.Locator("main")).ToContainTextAsync("Aangemeld via: Telefoon");
        var id = page.Url.Split('/')[^1].Split('#')[0];
        Assert.Equal(Channel.Phone, (await hub.Store.FindAsync(id))!.Channel);

        await new CaseSteps(page, hub, id).RecordAsync(EventTypes.ContactMomentRecorded, "aanmelding", async form =>
        {
            await CaseSteps.Group(form, "Kanaal").GetByLabel("Huisbezoek").CheckAsync();
            await form.GetByLabel("Onderwerp").FillAsync("Kennismaking, niemand thuis");
            await CaseSteps.Group(form, "Inwoner gesproken?").GetByLabel("Nee").CheckAsync();
        });
        await Expect(page.Locator("#contact ~ ul li, section[aria-labelledby='contact'] li").First)
            .ToContainTextAsync("huisbezoek: Kennismaking, niemand thuis (inwoner niet bereikt)");
        await AssertAccessibleAsync(page);
        await visitor.ScreenshotAsync($"werkplek-contactmoment-{width}");
        var last = (await hub.Store.HistoryAsync(id))[^1];
        Assert.Equal((EventTypes.ContactMomentRecorded, "aanmelding", "medewerker-kcc"), (last.EventType, last.Phase, last.ActorPerson));
    }

    private async Task<DemoResident> ResidentWithClosedTrajectoryAsync()
    {
        foreach (var resident in DemoResidents.All)
        {
            if ((await hub.Store.FindAsync(DemoSeed.TrajectoryId(resident.Index)))!.Outcome is not null)
            {
                return resident;
            }
        }

        throw new InvalidOperationException("The demo has no resident whose help ended.");
    }
}
