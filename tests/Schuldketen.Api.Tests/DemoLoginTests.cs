using System.Net;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Portal;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.PageBrowser;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Demo people exist only with the demo on. Without it the login pages offer no demo resident or professional,
/// and posting a demo person's number logs no one in: not even a real resident whose BSN is a demo resident's.
/// </summary>
public class DemoLoginTests
{
    private static readonly Dictionary<string, string?> DemoOn = new() { ["Schuldketen:DemoData"] = "true" };

    [Fact]
    public async Task Without_the_demo_the_login_pages_offer_no_demo_people()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);
        using var browser = Open(hub);

        var residentPage = await browser.GetStringAsync(ResidentLogin);
        var staffPage = await browser.GetStringAsync(StaffLogin);

        Assert.All(DemoResidents.All, resident => Assert.DoesNotContain(resident.Name, residentPage, StringComparison.Ordinal));
        Assert.All(DemoStaff.All, member => Assert.DoesNotContain(member.Person.Name, staffPage, StringComparison.Ordinal));
        Assert.DoesNotContain("<form", residentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", staffPage, StringComparison.Ordinal);
        Assert.Contains("U kunt hier nu niet inloggen.", residentPage, StringComparison.Ordinal);
        Assert.Contains("U kunt hier nu niet inloggen.", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_demo_choosing_a_demo_resident_logs_no_one_in_not_even_a_real_resident_with_that_bsn()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await PartnerApi.RegisterAsync(municipality, DemoSeed.ResidentBsn(0).Digits);
        using var browser = Open(hub);

        using var answer = await PostFormAsync(hub, browser, ResidentLogin, "resident", "0");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Null(SetCookie(answer, ResidentCookie));
    }

    [Fact]
    public async Task Without_the_demo_choosing_a_demo_professional_logs_no_one_in()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);
        using var browser = Open(hub);

        using var answer = await PostFormAsync(hub, browser, StaffLogin, "member", "0");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Null(SetCookie(answer, StaffCookie));
    }

    [Fact]
    public async Task Without_the_demo_an_organisation_is_named_by_its_oin_not_by_a_demo_name()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);

        Assert.Equal($"Organisatie met OIN {Municipality}", hub.Service<OrganisationNames>().Of(Municipality));
    }

    [Fact]
    public async Task With_the_demo_the_login_pages_offer_demo_people_and_choosing_one_logs_in()
    {
        await using var hub = await HubServer.StartAsync(Sqlite, DemoOn);
        using var browser = Open(hub);

        var residentPage = await browser.GetStringAsync(ResidentLogin);
        var staffPage = await browser.GetStringAsync(StaffLogin);
        using var resident = await PostFormAsync(hub, browser, ResidentLogin, "resident", "0");
        using var member = await PostFormAsync(hub, browser, StaffLogin, "member", "0");

        Assert.Contains(DemoResidents.All[0].Name, residentPage, StringComparison.Ordinal);
        Assert.Contains(DemoStaff.All[0].Person.Name, staffPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resident.StatusCode);
        Assert.Equal("/mijn-schuldhulp", resident.Headers.Location?.OriginalString);
        Assert.NotNull(SetCookie(resident, ResidentCookie));
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal("/werkplek", member.Headers.Location?.OriginalString);
        Assert.NotNull(SetCookie(member, StaffCookie));
        Assert.Equal(DemoOrganisations.Municipality.Name, hub.Service<OrganisationNames>().Of(Municipality));
    }
}
