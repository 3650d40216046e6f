using Microsoft.Playwright;
using Schuldketen.Functions.Demo;
using static Microsoft.Playwright.Assertions;
using static Schuldketen.Browser.Tests.PageChecks;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The conversation as people use it: the resident hands in the papers their task asks for (a wrong file first), the
/// counsellor sees the new message on the case and answers; every state of the pages accessible at 1280 and 360 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConversationPagesTests(Chromium chromium) : IAsyncLifetime
{
    /// <summary>Waiting for the decision on access, with Jan Jansen of the credit bank as contact person.</summary>
    private static readonly DemoResident Resident = DemoResidents.All[13];

    private static readonly DemoStaffMember Counsellor = DemoStaff.All.Single(member => member.Person.Id == "consulent-2");

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task A_resident_hands_in_a_paper_and_the_counsellor_answers(int width)
    {
        await using var resident = await Visitor.OpenAsync(chromium, hub, width);
        await resident.LoginAsResidentAsync(Resident);
        var page = resident.Page;
        await page.GotoAsync($"/mijn-schuldhulp/traject/{DemoSeed.TrajectoryId(Resident.Index)}");
        await Expect(page.GetByText("U hebt nog geen papieren ingeleverd.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Papieren inleveren of een bericht sturen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Berichten met uw contactpersoon", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Uw bericht", new() { Exact = true }).FillAsync("Hierbij mijn loonstrook van februari.");
        await page.GetByLabel("Bestand toevoegen (niet verplicht)").SetInputFilesAsync(new FilePayload
        {
            Name = "loonstrook.pdf", MimeType = "application/pdf", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit bestand heet een PDF, maar is het niet.");
        await Expect(page.GetByLabel("Bestand toevoegen (niet verplicht)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Uw bericht", new() { Exact = true })).ToHaveValueAsync("Hierbij mijn loonstrook van februari.");
        await AssertAccessibleAsync(page);
        await resident.ScreenshotAsync($"gesprek-fout-{width}");

        await page.GetByLabel("Bestand toevoegen (niet verplicht)").SetInputFilesAsync(new FilePayload
        {
            Name = "loonstrook.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%loonstrook\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw bericht en uw bestand zijn verstuurd.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "loonstrook.pdf" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await resident.ScreenshotAsync($"gesprek-bewoner-{width}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar uw hulp bij schulden" }).ClickAsync();
        await Expect(page.GetByText("Dit hebt u ingeleverd:")).ToBeVisibleAsync();
        await Expect(page.GetByText("loonstrook.pdf, op 2 maart 2026 om 10:00")).ToBeVisibleAsync();

        await using var counsellor = await Visitor.OpenAsync(chromium, hub, width);
        await counsellor.LoginAsStaffAsync(Counsellor);
        var workplace = counsellor.Page;
        await workplace.GotoAsync($"/werkplek/traject/{DemoSeed.TrajectoryId(Resident.Index)}");
        await Expect(workplace.GetByText("1 nieuw bericht voor u.")).ToBeVisibleAsync();
        await workplace.GetByRole(AriaRole.Link, new() { Name = "Berichten lezen en schrijven" }).ClickAsync();
        await Expect(workplace.GetByText("Hierbij mijn loonstrook van februari.")).ToBeVisibleAsync();
        await workplace.GetByLabel("Uw bericht", new() { Exact = true }).FillAsync("Dank u wel. Ik kijk ernaar en laat het u deze week weten.");
        await workplace.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();
        await Expect(workplace.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw bericht is verstuurd.");
        await AssertAccessibleAsync(workplace);
        await counsellor.ScreenshotAsync($"gesprek-medewerker-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Berichten", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Nieuw bericht van Jan Jansen van Kredietbank Voorbeeldstad")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
