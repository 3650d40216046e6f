using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>
/// A browser without script on the hub's pages: it keeps its cookies, follows no redirect, and posts a form with the
/// antiforgery token the page rendered into it, as a real browser would; logged in as a demo resident or professional.
/// </summary>
internal sealed partial class PageVisitor : IDisposable
{
    private const string TokenField = "__RequestVerificationToken";

    private readonly HttpClient client;

    private PageVisitor(HubServer hub) =>
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = hub.Address };

    /// <summary>Logged in as the demo resident of trajectory <c>demo-(index+1)</c>.</summary>
    public static Task<PageVisitor> ResidentAsync(HubServer hub, int index) => LoginAsync(hub, "/inloggen/bewoner", "resident", index);

    /// <summary>Logged in as the professional <paramref name="member"/> of <see cref="DemoStaff.All"/>.</summary>
    public static Task<PageVisitor> StaffAsync(HubServer hub, DemoStaffMember member) =>
        LoginAsync(hub, "/inloggen/medewerker", "member", DemoStaff.All.ToList().IndexOf(member));

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    /// <summary>A page that must answer 200; its HTML with character references decoded, so tests can look for Dutch text as written.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>
    /// Posts to <paramref name="page"/> as multipart: the fields, at most one file, and (unless <paramref name="withToken"/> is
    /// false) the antiforgery token of the form on <paramref name="tokenFrom"/>, the page itself unless given.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(
        string page, IReadOnlyDictionary<string, string> fields, FormFile? file = null, bool withToken = true, string? tokenFrom = null)
    {
        var token = withToken ? TokenIn(await PageAsync(tokenFrom ?? page)) : null;
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (token is not null)
        {
            form.Add(new StringContent(token), TokenField);
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, file.Field, file.FileName);
        }

        return await client.PostAsync(page, form);
    }

    /// <summary>Posts a message, with or without a file, through the conversation form of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> WriteAsync(string page, string text, FormFile? file = null, bool withToken = true) =>
        PostAsync(page, new Dictionary<string, string> { ["Form.Text"] = text }, file, withToken);

    public void Dispose() => client.Dispose();

    private static async Task<PageVisitor> LoginAsync(HubServer hub, string page, string field, int index)
    {
        var browser = new PageVisitor(hub);
        var token = TokenIn(await browser.PageAsync(page));
        using var answer = await browser.client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TokenField] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return browser;
    }

    private static string TokenIn(string html) =>
        Token().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no form with an antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>A file as a browser sends it in a form field: its name, the type the browser guessed, its bytes.</summary>
internal sealed record FormFile(string FileName, string ContentType, byte[] Content, string Field = "Form.Upload")
{
    public static FormFile Pdf(string fileName, int size = 2048) => new(fileName, "application/pdf", PdfBytes(size));

    public static byte[] PdfBytes(int size)
    {
        var content = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(content);
        for (var i = 9; i < size; i++)
        {
            content[i] = (byte)('a' + (i % 26));
        }

        return content;
    }

    public static byte[] PngBytes() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
