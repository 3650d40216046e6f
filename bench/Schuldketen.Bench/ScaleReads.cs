using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>One kind of read: who reads, and the path of the n-th request; <see cref="Failures"/> is set once one failed.</summary>
internal sealed record ScaleRead(string Name, HttpClient Client, Func<int, string> Path)
{
    public int Failures;
}

/// <summary>
/// The reads of the scale bench, as partners and people make them: the API as the demo municipality, the workplace as its
/// team and as a counsellor of its credit bank, the portal as a demo resident, FHIR as the demo GP practice.
/// </summary>
internal static class ScaleReads
{
    public static async Task<IReadOnlyList<ScaleRead>> PrepareAsync(HubServer hub, int trajectories)
    {
        var municipality = DemoOrganisations.Municipality;
        var own = Enumerable.Range(0, trajectories).Where(i => ScaleSeed.MunicipalityOf(i) == municipality.Oin).Select(ScaleSeed.TrajectoryId).ToArray();
        var cases = Enumerable.Range(0, trajectories)
            .Where(i => ScaleSeed.MunicipalityOf(i) == municipality.Oin && ScaleSeed.ContactOf(i, trajectories) == "consulent-1")
            .Select(ScaleSeed.TrajectoryId).ToArray();
        var cursors = new List<string>();
        foreach (var id in Shuffled(own).Take(200))
        {
            cursors.Add(ListCursor.Encode(ListPosition.Of((await hub.Store.FindAsync(id))!)));
        }

        var api = BenchHub.Client(hub, municipality.Oin, PartnerRole.Municipality, 64);
        var team = await LoginAsync(hub, "/inloggen/medewerker", "member", IndexOf("medewerker-kcc"), "schuldketen-medewerker");
        var counsellor = await LoginAsync(hub, "/inloggen/medewerker", "member", IndexOf("consulent-1"), "schuldketen-medewerker");
        var resident = await LoginAsync(hub, "/inloggen/bewoner", "resident", 0, "schuldketen-bewoner");
        var practice = BenchHub.Client(hub, DemoOrganisations.GeneralPractice.Oin, PartnerRole.GeneralPractitioner, 64);
        string Pick(string[] ids, int n) => ids[(int)((uint)(n * 7919) % ids.Length)];
        return
        [
            new("trajectory", api, n => $"/api/v1/trajectories/{Pick(own, n)}"),
            new("timeline", api, n => $"/api/v1/trajectories/{Pick(own, n)}/timeline"),
            new("history", api, n => $"/api/v1/trajectories/{Pick(own, n)}/history"),
            new("list-first", api, _ => "/api/v1/trajectories"),
            new("list-deep", api, n => $"/api/v1/trajectories?cursor={Uri.EscapeDataString(cursors[n % cursors.Count])}"),
            new("list-phase", api, _ => "/api/v1/trajectories?phase=stabilisatie"),
            new("list-deadline", api, _ => "/api/v1/trajectories?deadlineWithinDays=14"),
            new("caseload", counsellor, n => n % 2 == 0 ? "/werkplek" : "/werkplek?pagina=2"),
            new("case", counsellor, n => $"/werkplek/traject/{Pick(cases, n)}"),
            new("resident", resident, _ => "/mijn-schuldhulp"),
            new("overview", team, _ => "/werkplek/ketenoverzicht"),
            new("fhir-task", practice, _ => $"/fhir/r4/Task?owner={municipality.Oin}"),
        ];
    }

    /// <summary>Sends one read; anything but 200 is a failure, and the first one of each kind is shown with its answer.</summary>
    public static async Task<bool> SendAsync(ScaleRead read, int n)
    {
        var path = read.Path(n);
        try
        {
            using var response = await read.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await response.Content.CopyToAsync(Stream.Null);
                return true;
            }

            Report(read, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            Report(read, $"GET {path} failed: {error.Message}");
        }

        return false;
    }

    private static void Report(ScaleRead read, string failure)
    {
        if (Interlocked.Exchange(ref read.Failures, 1) == 0)
        {
            Console.WriteLine($"{read.Name}: {failure[..Math.Min(failure.Length, 400)]}");
        }
    }

    private static int IndexOf(string person) => DemoStaff.All.Select(member => member.Person.Id).ToList().IndexOf(person);

    private static IEnumerable<string> Shuffled(string[] ids) => ids.OrderBy(id => id.GetHashCode(StringComparison.Ordinal));

    /// <summary>Logs in as a demo person the way the demo's form does, and returns a client that carries the session cookie.</summary>
    private static async Task<HttpClient> LoginAsync(HubServer hub, string page, string field, int value, string cookieName)
    {
        var tokens = hub.Service<IAntiforgery>().GetTokens(new DefaultHttpContext());
        var antiforgery = hub.Service<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 };
        var client = new HttpClient(handler) { BaseAddress = hub.Address, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [field] = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [tokens.FormFieldName] = tokens.RequestToken!,
            }),
        };
        request.Headers.Add("Cookie", $"{antiforgery}={tokens.CookieToken}");
        using var answer = await client.SendAsync(request);
        var session = answer.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(cookie => cookie.StartsWith(cookieName + "=", StringComparison.Ordinal))
            : null;
        if (answer.StatusCode != HttpStatusCode.Redirect || session is null)
        {
            throw new InvalidOperationException($"Logging in at {page} as {field} {value} answered {(int)answer.StatusCode} without a session cookie.");
        }

        client.DefaultRequestHeaders.Add("Cookie", session.Split(';')[0]);
        return client;
    }
}
