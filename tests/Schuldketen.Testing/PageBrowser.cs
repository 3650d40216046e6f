using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Schuldketen.Testing;

/// <summary>A browser on the pages that shows each answer as it comes: redirects and cookies are not followed.</summary>
public static class PageBrowser
{
    public const string ResidentLogin = "/inloggen/bewoner";
    public const string StaffLogin = "/inloggen/medewerker";
    public const string ResidentCookie = "schuldketen-bewoner";
    public const string StaffCookie = "schuldketen-medewerker";

    public static HttpClient Open(HubServer hub) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = hub.Address };

    /// <summary>Posts a form with a valid antiforgery token, as the page's own form would carry.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HubServer hub, HttpClient browser, string page, string field, string value)
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

    /// <summary>The <c>name=value</c> of the cookie the answer sets, or null.</summary>
    public static string? SetCookie(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal)).Select(cookie => cookie.Split(';')[0]).FirstOrDefault()
            : null;
}
