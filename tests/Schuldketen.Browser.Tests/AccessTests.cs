using System.Text.Json;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Browser.Tests;

/// <summary>A resident sees only their own trajectory and a counsellor only their organisation's cases: anything else is the same 404 as a missing id.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessTests(Chromium chromium) : IAsyncLifetime
{
    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_resident_cannot_open_another_residents_trajectory()
    {
        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsResidentAsync(DemoResidents.All[0]);

        Assert.Equal(200, (await visitor.Context.APIRequest.GetAsync("/mijn-schuldhulp/traject/demo-001")).Status);
        var others = await NotFoundAsync(visitor, "/mijn-schuldhulp/traject/demo-002");
        var theirAudit = await NotFoundAsync(visitor, "/mijn-schuldhulp/traject/demo-002/bekeken");
        var missing = await NotFoundAsync(visitor, "/mijn-schuldhulp/traject/bestaat-niet");
        Assert.Equal(missing.Title, others.Title);
        Assert.Equal(missing.Title, theirAudit.Title);
        Assert.Equal("Pagina niet gevonden", others.Title);
        Assert.DoesNotContain(await hub.Store.AuditOfTrajectoryAsync("demo-002"), entry => entry.Activity == "inzien-door-bewoner");
    }

    [Fact]
    public async Task A_counsellor_cannot_open_or_change_another_organisations_case()
    {
        // The credit bank takes no part in demo-001: the municipality has not assigned a counsellor yet.
        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Person.Id == "consulent-1"));
        Assert.DoesNotContain(await hub.Store.ParticipantsAsync("demo-001"), participant => participant.Organisation == DemoOrganisations.CreditBank.Oin);

        var others = await NotFoundAsync(visitor, "/werkplek/traject/demo-001");
        var missing = await NotFoundAsync(visitor, "/werkplek/traject/bestaat-niet");
        Assert.Equal(missing.Title, others.Title);

        // Even with a valid antiforgery token from one of its own cases, a step on another organisation's case is refused.
        await visitor.Page.GotoAsync("/werkplek/traject/demo-015");
        var token = await visitor.Page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var before = (await hub.Store.FindAsync("demo-001"))!.Sequence;
        var refused = await visitor.Context.APIRequest.PostAsync("/werkplek/traject/demo-001?handler=Step", new()
        {
            Form = visitor.Context.APIRequest.CreateFormData().Set("type", "nl.schuldketen.crisis.afgewend").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, refused.Status);
        Assert.Equal(before, (await hub.Store.FindAsync("demo-001"))!.Sequence);
    }

    [Fact]
    public async Task The_pages_need_a_login_and_a_step_needs_an_antiforgery_token()
    {
        await using var visitor = await Visitor.OpenAsync(chromium, hub);
        await visitor.Page.GotoAsync("/werkplek/traject/demo-015");
        Assert.EndsWith("/inloggen/medewerker?ReturnUrl=%2Fwerkplek%2Ftraject%2Fdemo-015", visitor.Page.Url, StringComparison.Ordinal);

        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Person.Id == "consulent-1"));
        var before = (await hub.Store.FindAsync("demo-015"))!.Sequence;
        var forged = await visitor.Context.APIRequest.PostAsync("/werkplek/traject/demo-015?handler=Step", new()
        {
            Form = visitor.Context.APIRequest.CreateFormData().Set("type", "nl.schuldketen.aflossing.voltooid"),
        });
        Assert.Equal(400, forged.Status);
        Assert.Equal("application/problem+json", forged.Headers["content-type"]);
        Assert.Equal(before, (await hub.Store.FindAsync("demo-015"))!.Sequence);
    }

    private static async Task<(string Title, string Detail)> NotFoundAsync(Visitor visitor, string path)
    {
        var response = await visitor.Context.APIRequest.GetAsync(path);
        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.Headers["content-type"]);
        using var problem = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        return (problem.RootElement.GetProperty("title").GetString()!, problem.RootElement.GetProperty("detail").GetString()!);
    }
}
