using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The municipality's professional opens the outreach worklist from the menu: the crisis case first, then the oldest,
/// then the largest amount, each with how to reach the resident and a link to its case page; the case page of a resident's
/// trajectory shows the signals linked to it; axe-core clean at 1280 and 360 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutreachWorklistTests(Chromium chromium) : IAsyncLifetime
{
    private const string Header =
        "ID,crisissignaal,warmeOverdracht,bedrag,ontstaansdatum,signaaldatum,signaalpartner.type,signaalpartner.Organisatienaam," +
        "client.Burgerservicenummer,client.Voorletters,client.Achternaam,client.Geboortedatum,client.Straatnaam,client.Postcode," +
        "client.Huisnummer,client.Huisnummertoevoeging,client.Plaatsnaam,client.Telefoonnummer,client.Emailadres";

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await HubServer.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
    {
        ["Schuldketen:DemoData"] = "true",
        ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "1000",
        ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "9999",
        ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = DemoOrganisations.Municipality.Oin,
        ["Schuldketen:Signals:DefaultMunicipality"] = DemoOrganisations.Municipality.Oin,
        ["Logging:LogLevel:Default"] = "Warning",
    });

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task The_worklist_shows_the_crisis_case_first_then_the_oldest_then_the_largest_amount(int width)
    {
        await ImportAsync(Row("oud-klein", "10", 100, "06-11110000"), Row("oud-groot", "14", 900, "06-22220000"));
        await ImportAsync(Row("crisis", "16", 50, "06-33330000", crisis: true));
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality));
        var page = visitor.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vroegsignalering" }).ClickAsync();

        Assert.Equal("Werklijst vroegsignalering", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Open zaken van vroegsignalering" }).Locator("tbody tr");
        Assert.Equal(["06-33330000", "06-22220000", "06-11110000"], await rows.Locator("td:nth-child(7)").AllInnerTextsAsync());
        Assert.Contains("Crisis", await rows.First.InnerTextAsync());
        Assert.Empty((await page.RunAxe(Wcag21AA)).Violations);

        var crisisCase = await rows.First.GetByRole(AriaRole.Link).InnerTextAsync();
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal($"Traject {crisisCase}", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("Snel contact leggen (crisis)", await page.GetByRole(AriaRole.Main).InnerTextAsync());
    }

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task The_case_page_of_a_residents_trajectory_shows_the_signals_linked_to_it(int width)
    {
        using var client = hub.Client(DemoOrganisations.Municipality.Oin, PartnerRole.Municipality);
        using var registered = await client.PostAsync("/api/v1/trajectories", new StringContent("{\"bsn\":\"111222333\"}", Encoding.UTF8, "application/json"));
        var trajectory = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        await ImportAsync(Row("gekoppeld", "40", 640, "06-44440000", bsn: "111222333"));
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality));
        var page = visitor.Page;

        await page.GotoAsync($"/werkplek/traject/{trajectory}");

        var cells = page.GetByRole(AriaRole.Table, new() { Name = "Signalen bij dit traject" }).Locator("tbody td");
        Assert.Equal(["Huur", "Woonstichting De Sleutel", "€ 640", "20 februari 2026", "Nee"], await cells.AllInnerTextsAsync());
        Assert.Empty((await page.RunAxe(Wcag21AA)).Violations);
    }

    private static string Row(string id, string number, int amount, string phone, bool crisis = false, string bsn = "") =>
        $"{id},{(crisis ? "true" : "false")},false,{amount},2026-01-05,2026-02-20,Huur,Woonstichting De Sleutel,{bsn},P.,Jansen,1980-04-01,Kerkstraat,3511 AB,{number},,Utrecht,{phone},";

    /// <summary>The municipality uploads the rows and waits until the import is done; the clock then moves on, so a later upload is newer.</summary>
    private async Task ImportAsync(params string[] rows)
    {
        using var client = hub.Client(DemoOrganisations.Municipality.Oin, PartnerRole.Municipality);
        using var response = await client.PostAsync("/api/v1/signals",
            new StringContent(Header + "\n" + string.Join("\n", rows) + "\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        await Poll.UntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>(location)).GetProperty("done").GetBoolean(), "the import to be done");
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
    }
}
