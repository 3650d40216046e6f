using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>The hub's limits on request size and on requests per organisation answer as problem details.</summary>
public class LimitTests
{
    private static readonly Dictionary<string, string?> SmallBodies = new() { ["Schuldketen:Limits:MaxRequestBytes"] = "2048" };

    /// <summary>Five requests per organisation in an hour: long enough that no window ends during a test.</summary>
    private static readonly Dictionary<string, string?> FewRequests = new()
    {
        ["Schuldketen:Limits:RequestsPerWindow"] = "5",
        ["Schuldketen:Limits:Window"] = "01:00:00",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_larger_than_the_limit_is_refused_with_413_and_one_within_it_is_accepted(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, SmallBodies);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        var large = CrisisCheck(id, new string('x', 3000));
        var small = CrisisCheck(id, new string('x', 100));

        using var refused = await PartnerApi.PostEventAsync(municipality, large);
        using var accepted = await PartnerApi.PostEventAsync(municipality, small);

        Assert.True(large.ToJsonString().Length > 2048);
        await PartnerApi.AssertProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge, "te-groot");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(2, await PartnerApi.HistoryLengthAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_larger_than_the_limit_is_refused_with_413(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, SmallBodies);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.PostAsJsonAsync("/api/v1/trajectories", new
        {
            bsn = "111222333",
            counsellor = new { organisation = Counsellor, contactName = PartnerApi.CounsellorContact, contactId = new string('7', 3000) },
        });
        var page = await municipality.GetFromJsonAsync<JsonObject>("/api/v1/trajectories");

        await PartnerApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "te-groot");
        Assert.Empty(page!["items"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_beyond_the_organisations_allowance_get_429_with_retry_after_and_other_organisations_go_on(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, FewRequests);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var otherMunicipality = hub.Client(OtherMunicipality, PartnerRole.Municipality, "medewerker-2");
        var allowed = new List<HttpStatusCode>();
        for (var request = 0; request < 5; request++)
        {
            using var response = await municipality.GetAsync("/api/v1/trajectories");
            allowed.Add(response.StatusCode);
        }

        using var refused = await municipality.GetAsync("/api/v1/trajectories");
        using var refusedEvent = await PartnerApi.PostEventAsync(municipality,
            PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, "t-1", PartnerApi.NoCrisis()));
        using var other = await otherMunicipality.GetAsync("/api/v1/trajectories");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        await PartnerApi.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "te-veel-verzoeken");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        await PartnerApi.AssertProblemAsync(refusedEvent, HttpStatusCode.TooManyRequests, "te-veel-verzoeken");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static JsonObject CrisisCheck(string id, string padding)
    {
        var cloudEvent = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        cloudEvent["zaakkenmerk"] = padding;
        return cloudEvent;
    }
}
