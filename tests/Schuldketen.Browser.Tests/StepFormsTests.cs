using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using static Microsoft.Playwright.Assertions;
using static Schuldketen.Browser.Tests.PageChecks;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// Every step a municipality or debt counsellor may take has a form on the case page, generated from its event's schema:
/// each form filled in once with valid data along the routes a trajectory can take, and each kind of mistake once per
/// form component, refused with the same rules as the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StepFormsTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly DemoStaffMember MunicipalTeam = DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality);
    private static readonly DemoStaffMember Counsellor = DemoStaff.All.Single(member => member.Person.Id == "consulent-1");
    private readonly Queue<string> bsns = new(Residents.Bsns(81_000_000).Take(8));
    private readonly HashSet<string> used = [];
    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_trajectory_through_crisis_objection_and_settlement_is_run_from_the_workplace_alone()
    {
        await using var team = await Visitor.OpenAsync(chromium, hub);
        await team.LoginAsStaffAsync(MunicipalTeam);
        var id = await RegisterAsync(team.Page);
        var steps = new CaseSteps(team.Page, hub, id);

        await steps.RecordAsync(EventTypes.CrisisCheckCompleted, "crisisinterventie", async form =>
        {
            await CaseSteps.Group(form, "Is er een crisis?").GetByLabel("Ja").CheckAsync();
            await CaseSteps.Group(form, "Soort crisis").GetByLabel("Huisuitzetting").CheckAsync();
            await form.GetByLabel("Toelichting").FillAsync("Vonnis ontruiming, deurwaarder komt vrijdag.");
        });
        await steps.RecordAsync(EventTypes.CrisisAverted, "eerste-gesprek", form => form.GetByLabel("Toelichting").FillAsync("Betalingsregeling met de verhuurder."));
        await steps.RecordAsync(EventTypes.CounsellorAssigned, "eerste-gesprek", async form =>
        {
            await form.GetByLabel("OIN van de schuldhulpverlener").FillAsync(DemoOrganisations.CreditBank.Oin);
            await form.GetByLabel("Naam van de contactpersoon").FillAsync(Counsellor.Person.Name);
            await form.GetByLabel("Kenmerk van de contactpersoon").FillAsync(Counsellor.Person.Id);
        });
        await steps.RecordAsync(EventTypes.ContactMomentRecorded, "eerste-gesprek", async form =>
        {
            await CaseSteps.Group(form, "Kanaal").GetByLabel("Telefoon", new() { Exact = true }).CheckAsync();
            await form.GetByLabel("Onderwerp").FillAsync("Afspraak eerste gesprek gemaakt");
            await CaseSteps.Group(form, "Inwoner gesproken?").GetByLabel("Ja").CheckAsync();
        });
        await steps.RecordAsync(EventTypes.FirstConversationHeld, "besluit-toegang", form => form.GetByLabel("Datum en tijd van het gesprek").FillAsync("2026-03-02T09:30"));
        await steps.RecordAsync(EventTypes.AccessRefused, "bezwaartermijn", form => form.GetByLabel("Reden").FillAsync("Geen woonadres in de gemeente."));
        await steps.RecordAsync(EventTypes.ObjectionFiled, "bezwaar", form => form.GetByLabel("Datum van ontvangst").FillAsync("2026-03-02"));
        await steps.RecordAsync(EventTypes.ObjectionUpheld, "stabilisatie");
        var held = (await hub.Store.HistoryAsync(id)).Single(entry => entry.EventType == EventTypes.FirstConversationHeld);
        using (var data = System.Text.Json.JsonDocument.Parse(held.Data))
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1)), DateTimeOffset.Parse(data.RootElement.GetProperty("heldAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await using var counsellor = await OpenCaseAsync(Counsellor, id);
        var counselling = new CaseSteps(counsellor.Page, hub, id);
        await counselling.RecordAsync(EventTypes.StabilisationCompleted, "schuldregeling", async form =>
        {
            await form.GetByLabel("Aantal schuldeisers").FillAsync("7");
            await form.GetByLabel("Totale schuld").FillAsync("18.450,75");
            await form.GetByLabel("Aflossingscapaciteit per maand").FillAsync("125,50");
        });
        await counselling.RecordAsync(EventTypes.SettlementAgreed, "aflossing", form => CaseSteps.Group(form, "Soort regeling").GetByLabel("Schuldbemiddeling").CheckAsync());
        await counselling.RecordAsync(EventTypes.RepaymentCompleted, "nazorg");
        await counselling.RecordAsync(EventTypes.AftercareCompleted, "afgesloten", form => CaseSteps.Group(form, "Uitkomst").GetByLabel("De schulden zijn geregeld").CheckAsync());

        // Every step went through the intake in the professional's own name, from the workplace, and was audited.
        var history = await hub.Store.HistoryAsync(id);
        var stabilised = history.Single(entry => entry.EventType == EventTypes.StabilisationCompleted);
        Assert.Equal((DemoOrganisations.CreditBank.Oin, Counsellor.Person.Id), (stabilised.ActorOrganisation, stabilised.ActorPerson));
        Assert.All(history.Skip(1), entry => Assert.Contains(":systeem:werkplek", entry.Source, StringComparison.Ordinal));
        Assert.Contains(await hub.Store.AuditOfTrajectoryAsync(id), entry => entry is { Activity: "traject-bijwerken", ActorPerson: "consulent-1" });
        await Expect(counsellor.Page.Locator("main")).ToContainTextAsync("U kunt hier nu geen stap vastleggen.");
    }

    [Fact]
    public async Task The_other_routes_are_taken_from_the_workplace_too()
    {
        await using var team = await Visitor.OpenAsync(chromium, hub);
        await team.LoginAsStaffAsync(MunicipalTeam);

        var granted = await RegisterAsync(team.Page);
        var steps = new CaseSteps(team.Page, hub, granted);
        await GrantedAsync(steps, "Budgetbeheer, inkomen op orde, daarna schuldregeling.");
        await steps.RecordAsync(EventTypes.ParticipantLinked, "stabilisatie", async form =>
        {
            await form.GetByLabel("OIN van de organisatie").FillAsync(DemoOrganisations.Administrator.Oin);
            await CaseSteps.Group(form, "Rol").GetByLabel("Bewindvoerder").CheckAsync();
            await form.GetByLabel("Naam van de contactpersoon").FillAsync("J. de Wit");
        });
        await steps.RecordAsync(EventTypes.ParticipantUnlinked, "stabilisatie", async form =>
        {
            await form.GetByLabel("OIN van de organisatie").FillAsync(DemoOrganisations.Administrator.Oin);
            await CaseSteps.Group(form, "Rol").GetByLabel("Bewindvoerder").CheckAsync();
        });
        await steps.RecordAsync(EventTypes.DroppedOut, "afgesloten", async form =>
        {
            await CaseSteps.Group(form, "Reden van uitval").GetByLabel("Verhuisd").CheckAsync();
            await form.GetByLabel("Toelichting").FillAsync("Verhuisd naar een andere gemeente.");
        });

        var referred = await RegisterAsync(team.Page);
        steps = new CaseSteps(team.Page, hub, referred);
        await steps.RecordAsync(EventTypes.Referred, "afgesloten", form => form.GetByLabel("Doorverwezen naar").FillAsync("Maatschappelijk werk"));

        var dismissed = await RegisterAsync(team.Page);
        steps = new CaseSteps(team.Page, hub, dismissed);
        await ToDecisionAsync(steps);
        await steps.RecordAsync(EventTypes.AccessRefused, "bezwaartermijn", form => form.GetByLabel("Reden").FillAsync("Inkomen te hoog voor schuldhulp."));
        await steps.RecordAsync(EventTypes.ObjectionFiled, "bezwaar");
        await steps.RecordAsync(EventTypes.ObjectionDismissed, "afgesloten");

        // The court routes start from a settlement that did not succeed: demo trajectories at that phase.
        var (court, _) = await InPhaseAsync("schuldregeling");
        await team.Page.GotoAsync($"/werkplek/traject/{court}");
        await new CaseSteps(team.Page, hub, court).RecordAsync(EventTypes.WsnpRequested, "wsnp-verzoek", form => form.GetByLabel("Datum van het verzoek").FillAsync("2026-02-27"));

        var (courtSettlement, itsCounsellor) = await InPhaseAsync("schuldregeling");
        await using var counsellor = await OpenCaseAsync(itsCounsellor, courtSettlement);
        await new CaseSteps(counsellor.Page, hub, courtSettlement).RecordAsync(EventTypes.CourtSettlementRequested, "dwangakkoord");
    }

    [Fact]
    public async Task The_credit_bank_variant_records_its_consolidation_loan()
    {
        await hub.DisposeAsync();
        hub = await PortalHub.StartAsync(new Dictionary<string, string?>
        {
            [$"Schuldketen:MunicipalityDefinitions:{DemoOrganisations.Municipality.Oin}"] = "voorbeeldstad-kredietbank",
        });
        await using var team = await Visitor.OpenAsync(chromium, hub);
        await team.LoginAsStaffAsync(MunicipalTeam);
        var id = await RegisterAsync(team.Page);
        var steps = new CaseSteps(team.Page, hub, id);
        await GrantedAsync(steps, "Saneringskrediet aanvragen.");
        await steps.RecordAsync(EventTypes.CounsellorAssigned, "stabilisatie", async form =>
        {
            await form.GetByLabel("OIN van de schuldhulpverlener").FillAsync(DemoOrganisations.CreditBank.Oin);
            await form.GetByLabel("Naam van de contactpersoon").FillAsync(Counsellor.Person.Name);
        });

        await using var counsellor = await OpenCaseAsync(Counsellor, id);
        var counselling = new CaseSteps(counsellor.Page, hub, id);
        await counselling.RecordAsync(EventTypes.StabilisationCompleted, "saneringskrediet", async form =>
        {
            await form.GetByLabel("Aantal schuldeisers").FillAsync("4");
            await form.GetByLabel("Totale schuld").FillAsync("8200");
            await form.GetByLabel("Aflossingscapaciteit per maand").FillAsync("90");
        });
        await counselling.RecordAsync(EventTypes.ConsolidationLoanGranted, "aflossing", form => form.GetByLabel("Bedrag van het krediet").FillAsync("6.500,00"));
    }

    [Fact]
    public async Task Each_kind_of_mistake_is_shown_at_its_field_and_in_a_summary_and_nothing_is_recorded()
    {
        await using var team = await Visitor.OpenAsync(chromium, hub);
        await team.LoginAsStaffAsync(MunicipalTeam);
        var id = await RegisterAsync(team.Page);
        var steps = new CaseSteps(team.Page, hub, id);

        // Yes or no, left open.
        var form = await steps.RefusedAsync(EventTypes.CrisisCheckCompleted, _ => Task.CompletedTask);
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Is er een crisis?"), "Kies ja of nee bij ‘Is er een crisis?’.");

        // A choice the rules require (a crisis has a kind), and a choice the rules forbid (no crisis has none); the note kept.
        form = await steps.RefusedAsync(EventTypes.CrisisCheckCompleted, async form =>
        {
            await CaseSteps.Group(form, "Is er een crisis?").GetByLabel("Ja").CheckAsync();
            await form.GetByLabel("Toelichting").FillAsync("Afsluiting dreigt");
        });
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Soort crisis"), "Kies een van de mogelijkheden bij ‘Soort crisis’.");
        await Expect(form.GetByLabel("Toelichting")).ToHaveValueAsync("Afsluiting dreigt");
        await AssertAccessibleAsync(team.Page);
        await team.ScreenshotAsync("werkplek-stap-geweigerd");
        form = await steps.RefusedAsync(EventTypes.CrisisCheckCompleted, async form =>
        {
            await CaseSteps.Group(form, "Is er een crisis?").GetByLabel("Nee").CheckAsync();
            await CaseSteps.Group(form, "Soort crisis").GetByLabel("Afsluiting water").CheckAsync();
        });
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Soort crisis"), "Controleer ‘Soort crisis’. Alleen als er een crisis is.");
        await steps.RecordAsync(EventTypes.CrisisCheckCompleted, "eerste-gesprek", async form =>
        {
            await CaseSteps.Group(form, "Is er een crisis?").GetByLabel("Nee").CheckAsync();
            await CaseSteps.Group(form, "Soort crisis").GetByLabel("Niet van toepassing").CheckAsync();
        });

        // A date and time left empty.
        form = await steps.RefusedAsync(EventTypes.FirstConversationHeld, form => form.GetByLabel("Datum en tijd van het gesprek").FillAsync(""));
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Datum en tijd van het gesprek"), "Vul ‘Datum en tijd van het gesprek’ in.");
        await steps.RecordAsync(EventTypes.FirstConversationHeld, "besluit-toegang", form => form.GetByLabel("Datum en tijd van het gesprek").FillAsync("2026-03-02T08:45"));

        // A date and a long text left empty, then a long text too long.
        form = await steps.RefusedAsync(EventTypes.AccessGranted, form => form.GetByLabel("Datum van het besluit").FillAsync(""));
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Datum van het besluit"), "Vul ‘Datum van het besluit’ in.");
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Plan van aanpak"), "Vul ‘Plan van aanpak’ in.");
        form = await steps.RefusedAsync(EventTypes.AccessGranted, form => form.GetByLabel("Plan van aanpak").FillAsync(new string('x', 4001)));
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Plan van aanpak"), "Maak ‘Plan van aanpak’ korter: hoogstens 4.000 tekens.");
        await team.Page.SetViewportSizeAsync(Visitor.Narrow, 800);
        await AssertAccessibleAsync(team.Page);
        await team.Page.SetViewportSizeAsync(Visitor.Wide, 800);

        // A text left empty, too long, and not in its pattern.
        form = await steps.RefusedAsync(EventTypes.CounsellorAssigned, form => form.GetByLabel("Naam van de contactpersoon").FillAsync(new string('n', 201)));
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("OIN van de schuldhulpverlener"), "Vul ‘OIN van de schuldhulpverlener’ in.");
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Naam van de contactpersoon"), "Maak ‘Naam van de contactpersoon’ korter: hoogstens 200 tekens.");
        form = await steps.RefusedAsync(EventTypes.CounsellorAssigned, async form =>
        {
            await form.GetByLabel("OIN van de schuldhulpverlener").FillAsync("0000000100987654300");
            await form.GetByLabel("Naam van de contactpersoon").FillAsync("Fatima");
        });
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("OIN van de schuldhulpverlener"),
            "Controleer ‘OIN van de schuldhulpverlener’. Het organisatie-identificatienummer: 20 cijfers.");

        // A required choice left open.
        form = await steps.RefusedAsync(EventTypes.DroppedOut, _ => Task.CompletedTask);
        await CaseSteps.AssertRefusedAsync(form, CaseSteps.Group(form, "Reden van uitval"), "Kies een van de mogelijkheden bij ‘Reden van uitval’.");
    }

    [Fact]
    public async Task Numbers_and_amounts_are_refused_when_empty_not_a_number_or_out_of_bounds()
    {
        var (id, itsCounsellor) = await InPhaseAsync("stabilisatie");
        await using var counsellor = await OpenCaseAsync(itsCounsellor, id);
        var steps = new CaseSteps(counsellor.Page, hub, id);

        var form = await steps.RefusedAsync(EventTypes.StabilisationCompleted, form => form.GetByLabel("Aantal schuldeisers").FillAsync("twaalf"));
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Aantal schuldeisers"), "Vul bij ‘Aantal schuldeisers’ een heel getal in van 0 tot en met 1.000.");
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Totale schuld"), "Vul ‘Totale schuld’ in.");
        await Expect(form.GetByLabel("Aantal schuldeisers")).ToHaveValueAsync("twaalf");

        form = await steps.RefusedAsync(EventTypes.StabilisationCompleted, async form =>
        {
            await form.GetByLabel("Aantal schuldeisers").FillAsync("1001");
            await form.GetByLabel("Totale schuld").FillAsync("heel veel");
            await form.GetByLabel("Aflossingscapaciteit per maand").FillAsync("-10");
        });
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Aantal schuldeisers"), "Vul bij ‘Aantal schuldeisers’ een heel getal in van 0 tot en met 1.000.");
        const string AmountMessage = "een bedrag in euro's in van 0,00 tot en met 1.000.000.000,00, zoals 1250,50.";
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Totale schuld"), $"Vul bij ‘Totale schuld’ {AmountMessage}");
        await CaseSteps.AssertRefusedAsync(form, form.GetByLabel("Aflossingscapaciteit per maand"), $"Vul bij ‘Aflossingscapaciteit per maand’ {AmountMessage}");
        await AssertAccessibleAsync(counsellor.Page);
    }

    /// <summary>A professional logged in on a case page.</summary>
    private async Task<Visitor> OpenCaseAsync(DemoStaffMember member, string id)
    {
        var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsStaffAsync(member);
        await visitor.Page.GotoAsync($"/werkplek/traject/{id}");
        return visitor;
    }

    /// <summary>No crisis, and the first conversation held: the decision on access is next.</summary>
    private static async Task ToDecisionAsync(CaseSteps steps)
    {
        await steps.RecordAsync(EventTypes.CrisisCheckCompleted, "eerste-gesprek", form => CaseSteps.Group(form, "Is er een crisis?").GetByLabel("Nee").CheckAsync());
        await steps.RecordAsync(EventTypes.FirstConversationHeld, "besluit-toegang");
    }

    /// <summary>Access granted with <paramref name="plan"/>: stabilisation is next.</summary>
    private static async Task GrantedAsync(CaseSteps steps, string plan)
    {
        await ToDecisionAsync(steps);
        await steps.RecordAsync(EventTypes.AccessGranted, "stabilisatie", form => form.GetByLabel("Plan van aanpak").FillAsync(plan));
    }

    /// <summary>Registers a resident at the counter; the workplace opens the new case.</summary>
    private async Task<string> RegisterAsync(IPage page)
    {
        await page.GotoAsync("/werkplek/aanmelden");
        await page.GetByLabel("Burgerservicenummer").FillAsync(bsns.Dequeue());
        await page.GetByLabel("Balie").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De inwoner is aangemeld");
        return page.Url.Split('/')[^1].Split('#')[0];
    }

    /// <summary>A demo trajectory in <paramref name="phase"/> not yet used by this test, and the counsellor who is its contact.</summary>
    private async Task<(string Id, DemoStaffMember Counsellor)> InPhaseAsync(string phase)
    {
        for (var i = 0; i < DemoResidents.All.Count; i++)
        {
            var id = DemoSeed.TrajectoryId(i);
            var contact = (await hub.Store.ParticipantsAsync(id)).Select(participant => participant.ContactId).FirstOrDefault(contact => contact is not null);
            if ((await hub.Store.FindAsync(id))!.Phase == phase && DemoStaff.All.SingleOrDefault(member => member.Person.Id == contact) is { } counsellor && used.Add(id))
            {
                return (id, counsellor);
            }
        }

        throw new InvalidOperationException($"The demo data has no more trajectories in phase '{phase}' with a counsellor.");
    }
}
