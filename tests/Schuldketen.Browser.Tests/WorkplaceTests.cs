using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Functions.Dashboard;
using Schuldketen.Functions.Demo;
using static Microsoft.Playwright.Assertions;

namespace Schuldketen.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WorkplaceTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly DemoStaffMember MunicipalTeam = DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality);
    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_counsellor_finds_an_at_risk_case_records_the_first_conversation_and_the_resident_sees_the_new_phase()
    {
        await using var counsellor = await Visitor.OpenAsync(chromium, hub);
        await counsellor.LoginAsStaffAsync(MunicipalTeam);
        var page = counsellor.Page;
        await page.GetByLabel("Fase").SelectOptionAsync(new SelectOptionValue { Label = "Eerste gesprek" });
        await page.GetByLabel("Termijnen").SelectOptionAsync(new SelectOptionValue { Value = "risico" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }).ClickAsync();

        // Of the four waiting for their first conversation, one is 3 working days from its deadline and one is past it.
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "demo-013" })).ToContainTextAsync("Termijn voorbij");
        await Expect(rows.Filter(new() { HasText = "demo-012" })).ToContainTextAsync("Termijn binnen 5 werkdagen");
        await counsellor.ScreenshotAsync("werkplek-risico");

        await page.GetByRole(AriaRole.Link, new() { Name = "demo-012" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Traject demo-012", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen: Het eerste gesprek heeft plaatsgevonden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vastgelegd: Het eerste gesprek heeft plaatsgevonden.");
        await Expect(page.Locator("main")).ToContainTextAsync("Fase: Besluit over schuldhulp");

        // The engine path recorded it in the counsellor's name, from the workplace, with an audit entry.
        var last = (await hub.Store.HistoryAsync("demo-012"))[^1];
        Assert.Equal((EventTypes.FirstConversationHeld, "besluit-toegang", DemoOrganisations.Municipality.Oin, "medewerker-kcc"),
            (last.EventType, last.Phase, last.ActorOrganisation, last.ActorPerson));
        Assert.StartsWith($"urn:nld:oin:{DemoOrganisations.Municipality.Oin}:systeem:werkplek", last.Source, StringComparison.Ordinal);
        var audit = await hub.Store.AuditOfTrajectoryAsync("demo-012");
        Assert.Contains(audit, entry => entry is { Activity: "traject-bijwerken", ActorPerson: "medewerker-kcc" });
        Assert.Contains(audit, entry => entry is { Activity: "traject-inzien", ActorPerson: "medewerker-kcc" });

        await using var resident = await Visitor.OpenAsync(chromium, hub);
        await resident.LoginAsResidentAsync(DemoResidents.All[11]);
        await resident.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("Aangevraagd op") }).ClickAsync();
        await Expect(resident.Page.Locator("ol.steps > li").Filter(new() { HasText = "Besluit over schuldhulp" })).ToContainTextAsync("Hier bent u nu.");
        await resident.Page.GetByRole(AriaRole.Link, new() { Name = "Wie heeft mijn gegevens bekeken" }).ClickAsync();
        await Expect(resident.Page.Locator("main li").Filter(new() { HasText = "Gemeente Voorbeeldstad: uw traject bijgewerkt" }).First).ToBeVisibleAsync();
        await Expect(resident.Page.Locator("main li").Filter(new() { HasText = "Gemeente Voorbeeldstad: uw traject bekeken" }).First).ToBeVisibleAsync();

        hub.Clock.Advance(PortalHub.NoticeInterval);
        await ResidentTests.ReloadUntilAsync(resident.Page, "/mijn-schuldhulp/berichten",
            resident.Page.Locator("main li").Filter(new() { HasText = "Uw traject is bij een nieuwe stap: Besluit over schuldhulp." }));
    }

    [Fact]
    public async Task A_debt_counsellor_sees_only_the_cases_where_they_are_the_contact()
    {
        var fatima = DemoStaff.All.Single(member => member.Person.Id == "consulent-1");
        var expected = new List<string>();
        for (var i = 0; i < DemoResidents.All.Count; i++)
        {
            var participants = await hub.Store.ParticipantsAsync($"demo-{i + 1:D3}");
            if (participants.Any(participant => participant.ContactId == "consulent-1"))
            {
                expected.Add($"demo-{i + 1:D3}");
            }
        }

        await using var counsellor = await Visitor.OpenAsync(chromium, hub);
        await counsellor.LoginAsStaffAsync(fatima);
        var shown = await counsellor.Page.Locator("tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_team_sees_the_cases_at_risk_first_a_page_at_a_time_and_only_the_cases_shown_are_read()
    {
        await using var team = await Visitor.OpenAsync(chromium, hub);
        await team.LoginAsStaffAsync(MunicipalTeam);
        var page = team.Page;
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(CaseloadPage.PageSize);
        var first = await page.Locator("tbody tr td:first-child").AllInnerTextsAsync();
        var risks = await page.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
        var rest = Enumerable.Range(0, DemoSeed.JourneyCount).Select(DemoSeed.TrajectoryId).Except(first).ToList();
        var readBefore = await SearchedAsync(rest);

        await page.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(DemoSeed.JourneyCount - CaseloadPage.PageSize);
        var second = await page.Locator("tbody tr td:first-child").AllInnerTextsAsync();

        // Overdue cases lead, then those due within 5 working days, then the rest.
        var ranks = risks.Select(risk => risk.Contains("voorbij", StringComparison.Ordinal) ? 2 : risk.Contains("binnen", StringComparison.Ordinal) ? 1 : 0).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.Contains(2, ranks);
        Assert.Equal(rest.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
        Assert.Equal(0, readBefore);
        Assert.Equal(rest.Count, await SearchedAsync(rest));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vorige pagina" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" })).ToHaveCountAsync(0);
    }

    /// <summary>How many of these trajectories the team's caseload has read, by its audit entries.</summary>
    private async Task<int> SearchedAsync(IEnumerable<string> ids)
    {
        var read = 0;
        foreach (var id in ids)
        {
            var audit = await hub.Store.AuditOfTrajectoryAsync(id);
            read += audit.Any(entry => entry is { Activity: "traject-zoeken", ActorPerson: "medewerker-kcc" }) ? 1 : 0;
        }

        return read;
    }
}
