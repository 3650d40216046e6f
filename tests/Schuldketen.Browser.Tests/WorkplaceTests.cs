using Microsoft.Playwright;
using Schuldketen.Contracts;
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
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De stap is vastgelegd.");
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
}
