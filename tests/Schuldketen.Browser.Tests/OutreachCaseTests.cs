using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// A municipal professional records a contact attempt and the end result of an outreach case on its case page:
/// a missing field is named at the field, a complete form lands in the case's history, and the page with its
/// forms passes axe-core at 1280 and 360 pixels.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutreachCaseTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task A_contact_attempt_and_the_end_result_are_recorded_on_the_case_page_with_errors_at_the_field(int width)
    {
        var caseId = (await new OutreachCases(hub.Store, new OutreachSettings(hub.Service<HubIdentity>().Oin, new Dictionary<string, string>()))
            .OpenOrJoinAsync(new OutreachRequest(
                DemoOrganisations.Municipality.Oin,
                $"huishouden-browser-{width}",
                new SignalJoined($"sig-browser-{width}", SignalPartnerType.Energy, "Energie BV", 640, new DateOnly(2026, 1, 4), new DateOnly(2026, 2, 27), true, false,
                    SignalStatus.NotYetPickedUp),
                hub.Clock.GetUtcNow(),
                MatchingMonths: 6))).TrajectoryId;
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality));
        var page = visitor.Page;
        await page.GotoAsync($"/werkplek/traject/{caseId}");
        Assert.Empty((await page.RunAxe(Wcag21AA)).Violations);

        var steps = new CaseSteps(page, hub, caseId);
        var form = await steps.RefusedAsync(EventTypes.ContactAttempted, _ => Task.CompletedTask);
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Soort contactpoging"), "Kies een van de mogelijkheden bij ‘Soort contactpoging’.");
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Inwoner bereikt?"), "Kies ja of nee bij ‘Inwoner bereikt?’.");
        Assert.Empty((await page.RunAxe(Wcag21AA)).Violations);

        await steps.RecordAsync(EventTypes.ContactAttempted, "contactpogingen", async form =>
        {
            await CaseSteps.Group(form, "Soort contactpoging").GetByLabel("Huisbezoek").CheckAsync();
            await CaseSteps.Group(form, "Inwoner bereikt?").GetByLabel("Ja").CheckAsync();
            await CaseSteps.Group(form, "Dagdeel").GetByLabel("Avond").CheckAsync();
        });
        await steps.RecordAsync(EventTypes.OutreachClosed, "afgesloten",
            form => CaseSteps.Group(form, "Eindresultaat").GetByLabel("(Budget)advies en/of ‘quick fix’").CheckAsync());

        var history = await hub.Store.HistoryAsync(caseId);
        Assert.Equal([EventTypes.Registered, EventTypes.SignalJoined, EventTypes.ContactAttempted, EventTypes.OutreachClosed], history.Select(entry => entry.EventType));
        Assert.Equal(("advies", "gemeente"), (history[^1].Outcome, history[^1].ActorRole));
        Assert.NotNull(history[^1].ActorPerson);
        Assert.Equal(2, (await hub.Store.AuditOfTrajectoryAsync(caseId)).Count(entry => entry.Activity == "traject-bijwerken" && entry.ActorPerson is not null));
    }
}
