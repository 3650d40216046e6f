using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Portal;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Demo people exist only with the demo on. Without it the login pages offer no demo resident or professional,
/// and posting a demo person's number logs no one in: not even a real resident whose BSN is a demo resident's.
/// </summary>
public class DemoLoginTests
{
    private const string ResidentLogin = "/inloggen/bewoner";
    private const string StaffLogin = "/inloggen/medewerker";
    private const string ResidentCookie = "schuldketen-bewoner";
    private const string StaffCookie = "schuldketen-medewerker";

    private static readonly Dictionary<string, string?> DemoOn = new() { ["Schuldketen:DemoData"] = "true" };

    [Fact]
    public async Task Without_the_demo_the_login_pages_offer_no_demo_people()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);
        using var browser = Browser(hub);

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
        using var browser = Browser(hub);

        using var answer = await PostLoginAsync(hub, browser, ResidentLogin, "resident", "0");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.False(SetsCookie(answer, ResidentCookie), "The demo login set a resident's cookie.");
    }

    [Fact]
    public async Task Without_the_demo_choosing_a_demo_professional_logs_no_one_in()
    {
        await using var hub = await HubServer.StartAsync(Sqlite);
        using var browser = Browser(hub);

        using var answer = await PostLoginAsync(hub, browser, StaffLogin, "member", "0");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.False(SetsCookie(answer, StaffCookie), "The demo login set a professional's cookie.");
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
        using var browser = Browser(hub);

        var residentPage = await browser.GetStringAsync(ResidentLogin);
        var staffPage = await browser.GetStringAsync(StaffLogin);
        using var resident = await PostLoginAsync(hub, browser, ResidentLogin, "resident", "0");
        using var member = await PostLoginAsync(hub, browser, StaffLogin, "member", "0");

        Assert.Contains(DemoResidents.All[0].Name, residentPage, StringComparison.Ordinal);
        Assert.Contains(DemoStaff.All[0].Person.Name, staffPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resident.StatusCode);
        Assert.Equal("/mijn-schuldhulp", resident.Headers.Location?.OriginalString);
        Assert.True(SetsCookie(resident, ResidentCookie), "The demo login set no resident's cookie.");
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal("/werkplek", member.Headers.Location?.OriginalString);
        Assert.True(SetsCookie(member, StaffCookie), "The demo login set no professional's cookie.");
        Assert.Equal(DemoOrganisations.Municipality.Name, hub.Service<OrganisationNames>().Of(Municipality));
    }

    /// <summary>A browser that shows each answer as it comes: redirects and cookies are not followed.</summary>
    private static HttpClient Browser(HubServer hub) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = hub.Address };

    /// <summary>Posts a login form with a valid antiforgery token, as the demo's form would carry; without the demo there is no form to take one from.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(HubServer hub, HttpClient browser, string page, string field, string value)
    {
        var tokens = hub.Service<IAntiforgery>().GetTokens(new DefaultHttpContext());
        var cookie = hub.Service<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        using var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [field] = value, [tokens.FormFieldName] = tokens.RequestToken! }),
        };
        request.Headers.Add("Cookie", $"{cookie}={tokens.CookieToken}");
        return await browser.SendAsync(request);
    }

    private static bool SetsCookie(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal));
}
