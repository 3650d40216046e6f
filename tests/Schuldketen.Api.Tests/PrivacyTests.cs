using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// A BSN goes in at registration and never comes out: not in logs, not in any answer to any
/// audience, not in the outbox, not in a URL, and not in plain digits in the database.
/// </summary>
public class PrivacyTests
{
    private static readonly string[] ValidBsns = ["111222333", "123456782", "367418253", "209494177"];

    /// <summary>Fails the 11-check: a real BSN with a typo, which must not be echoed either.</summary>
    private const string MistypedBsn = "111222334";

    private static readonly string[] AllBsns = [.. ValidBsns, MistypedBsn];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_bsn_leaves_the_hub_or_lies_in_its_tables_in_plain_digits(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        var seen = new Seen();
        using var municipality = Client(hub, seen, Municipality, PartnerRole.Municipality, "medewerker-1");
        using var otherMunicipality = Client(hub, seen, OtherMunicipality, PartnerRole.Municipality, "medewerker-2");
        using var counsellor = Client(hub, seen, Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var creditor = Client(hub, seen, Landlord, PartnerRole.Creditor, "incasso-1");
        using var court = Client(hub, seen, Court, PartnerRole.Court, "griffier-1");
        using var administrator = Client(hub, seen, Administrator, PartnerRole.Administrator, "bewindvoerder-1");
        using var practice = Client(hub, seen, GeneralPractice, PartnerRole.GeneralPractitioner, "huisarts-1");

        var ids = new List<string>();
        foreach (var bsn in ValidBsns.Take(3))
        {
            ids.Add(await PartnerApi.RegisterAsync(municipality, bsn));
        }

        ids.Add(await PartnerApi.RegisterAsync(otherMunicipality, ValidBsns[3], OtherCounsellor));
        var (running, inCrisis, referred, elsewhere) = (ids[0], ids[1], ids[2], ids[3]);

        foreach (var (organisation, role) in new[] { (Landlord, "schuldeiser"), (Court, "rechtbank"), (Administrator, "bewindvoerder"), (GeneralPractice, "huisarts") })
        {
            await PartnerApi.SendAsync(municipality, Municipality, EventTypes.ParticipantLinked, running, new JsonObject { ["organisation"] = organisation, ["role"] = role });
        }

        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, running, PartnerApi.NoCrisis());
        await PartnerApi.SendAsync(counsellor, Counsellor, EventTypes.FirstConversationHeld, running, PartnerApi.Conversation());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.AccessGranted, running, PartnerApi.AccessGranted());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, inCrisis,
            new JsonObject { ["crisis"] = true, ["kind"] = "huisuitzetting" });
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.Referred, referred, new JsonObject { ["referredTo"] = "Budgetcoach van de wijk" });

        foreach (var caseHandler in new[] { municipality, counsellor })
        {
            foreach (var id in new[] { running, inCrisis, referred })
            {
                foreach (var read in new[] { "", "/history", "/timeline", "/next-events" })
                {
                    await AssertOkAsync(caseHandler, $"/api/v1/trajectories/{id}{read}");
                }
            }
        }

        foreach (var partner in new[] { creditor, court, administrator, practice })
        {
            await AssertOkAsync(partner, $"/api/v1/trajectories/{running}");
            await AssertOkAsync(partner, $"/api/v1/trajectories/{running}/next-events");
        }

        foreach (var client in new[] { municipality, otherMunicipality, counsellor, creditor, court, administrator, practice })
        {
            await AssertOkAsync(client, "/api/v1/trajectories");
        }

        await AssertOkAsync(otherMunicipality, $"/api/v1/trajectories/{elsewhere}");

        using var mistyped = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = MistypedBsn });
        var mistypedProblem = await PartnerApi.AssertProblemAsync(mistyped, HttpStatusCode.BadRequest, "ongeldige-aanmelding");
        Assert.Equal(["bsn"], PartnerApi.InvalidParamNames(mistypedProblem));
        using var asNumber = await municipality.PostAsync("/api/v1/trajectories",
            new StringContent($"{{\"bsn\":{ValidBsns[0]}}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, asNumber.StatusCode);
        using var truncated = await municipality.PostAsync("/api/v1/trajectories",
            new StringContent($"{{\"bsn\":\"{ValidBsns[1]}\",\"counsellor\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        using var byCounsellor = await counsellor.PostAsJsonAsync("/api/v1/trajectories", new { bsn = ValidBsns[2] });
        await PartnerApi.AssertProblemAsync(byCounsellor, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
        using var creditorHistory = await creditor.GetAsync($"/api/v1/trajectories/{running}/history");
        await PartnerApi.AssertProblemAsync(creditorHistory, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
        using var outsider = await creditor.GetAsync($"/api/v1/trajectories/{inCrisis}");
        await PartnerApi.AssertProblemAsync(outsider, HttpStatusCode.NotFound, "niet-gevonden");

        Assert.Equal(ids.Count, seen.Locations.Count);
        Assert.All(seen.Locations, location => Assert.Matches(@"\A/api/v1/trajectories/[A-Za-z0-9-]+\z", location));
        Assert.All(ids, id => Assert.Contains($"/api/v1/trajectories/{id}", seen.Locations));
        AssertNoBsn("a log line", hub.LogLines);
        AssertNoBsn("a response", seen.Responses);
        AssertNoBsn("a URL the hub gave", seen.Locations);

        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        var outbox = (await connection.QueryAsync<(string TrajectoryId, string Payload)>(
            "SELECT trajectory_id AS TrajectoryId, payload AS Payload FROM outbox ORDER BY id")).AsList();
        Assert.NotEmpty(outbox);
        AssertNoBsn("an outbox payload", outbox.Select(row => row.Payload));
        // Case handlers hear the event (its trajectory); other audiences their projection (its id): the pseudonym either way.
        Assert.All(outbox, row =>
        {
            var payload = JsonDocument.Parse(row.Payload).RootElement;
            var pseudonym = payload.TryGetProperty("trajectory", out var trajectory) ? trajectory : payload.GetProperty("id");
            Assert.Equal(row.TrajectoryId, pseudonym.GetString());
        });
        Assert.Equal(ids.Order(), outbox.Select(row => row.TrajectoryId).Distinct().Order());

        var subjects = (await connection.QueryAsync<(string Id, string SubjectHash, string SubjectCipher)>(
            "SELECT id AS Id, subject_hash AS SubjectHash, subject_cipher AS SubjectCipher FROM trajectories")).AsList();
        Assert.Equal(ids.Order(), subjects.Select(row => row.Id).Order());
        Assert.All(subjects, row => Assert.False(string.IsNullOrEmpty(row.SubjectHash) || string.IsNullOrEmpty(row.SubjectCipher)));
        AssertNoBsn("a subject hash", subjects.Select(row => row.SubjectHash));
        AssertNoBsn("a subject cipher", subjects.Select(row => row.SubjectCipher));
        Assert.Equal(subjects.Count, subjects.Select(row => row.SubjectHash).Distinct().Count());

        foreach (var table in new[] { "trajectories", "participants", "history", "inbox", "outbox", "timers", "audit" })
        {
            var cells = (await connection.QueryAsync($"SELECT * FROM {table}"))
                .Cast<IDictionary<string, object?>>()
                .SelectMany(row => row.Values)
                .Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            AssertNoBsn($"a cell of {table}", cells);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mistyped_bsn_is_refused_without_echoing_it(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = MistypedBsn });

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-aanmelding");
        Assert.Equal(["bsn"], PartnerApi.InvalidParamNames(problem));
        Assert.DoesNotContain(MistypedBsn, problem.GetRawText());
        Assert.DoesNotContain(hub.LogLines, line => line.Contains(MistypedBsn, StringComparison.Ordinal));
    }

    private static void AssertNoBsn(string where, IEnumerable<string> texts)
    {
        var all = texts.ToList();
        Assert.NotEmpty(all);
        foreach (var text in all)
        {
            foreach (var bsn in AllBsns)
            {
                Assert.False(text.Contains(bsn, StringComparison.Ordinal), $"{where} holds BSN {bsn}: {text}");
            }
        }
    }

    private static async Task AssertOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
    }

    /// <summary>A client like <see cref="HubServer.Client"/> that keeps every answer it got.</summary>
    private static HttpClient Client(HubServer hub, Seen seen, string organisation, PartnerRole role, string person)
    {
        var client = new HttpClient(new Keeping(seen) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = hub.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.TokenFor(organisation, role, person));
        return client;
    }

    /// <summary>Every response (status line, headers, body) and every Location header the clients received.</summary>
    private sealed class Seen
    {
        public ConcurrentQueue<string> Responses { get; } = new();

        public ConcurrentQueue<string> Locations { get; } = new();
    }

    private sealed class Keeping(Seen seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            seen.Responses.Enqueue($"{(int)response.StatusCode}\n{response.Headers}\n{response.Content.Headers}\n{await response.Content.ReadAsStringAsync(cancellationToken)}");
            if (response.Headers.Location is { } location)
            {
                seen.Locations.Enqueue(location.OriginalString);
            }

            return response;
        }
    }
}
