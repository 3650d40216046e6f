using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Every request in <see cref="HostileRequests"/> is refused with a 4xx problem (RFC 9457), changes
/// nothing in the store, and leaves the hub able to accept the next valid event.
/// </summary>
public partial class HostileInputTests
{
    private const string ProblemMediaType = "application/problem+json";

    [Fact]
    public void The_case_table_has_at_least_120_cases_each_named_once()
    {
        var names = HostileRequests.All.Select(hostile => hostile.Name).ToList();

        Assert.True(names.Count >= 120, $"Only {names.Count} hostile cases.");
        Assert.Empty(names.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_hostile_request_gets_a_4xx_problem_and_changes_nothing(string provider)
    {
        var signingKey = RandomNumberGenerator.GetBytes(32);
        await using var hub = await HubServer.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Schuldketen:Keys:SubjectHash"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Schuldketen:Keys:SubjectEncryption"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Schuldketen:Keys:TokenSigning"] = Convert.ToBase64String(signingKey),
        });
        using var client = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromSeconds(30) };
        var target = await RegisterAsync(hub, signingKey);
        await AssertForgedTokensPassAsync(client, target);
        var before = await CountAsync(hub);

        var failures = new List<string>();
        foreach (var hostile in HostileRequests.All)
        {
            if (await RefusalProblemAsync(hub, client, target, hostile) is { } failure)
            {
                failures.Add(failure);
            }
        }

        var after = await CountAsync(hub);
        if (after != before)
        {
            failures.Add($"store changed: before {before}, after {after}");
        }

        using var validEvent = HostileRequests.PostEvent(target, HostileRequests.ValidEvent(target).ToJsonString());
        using var valid = await client.SendAsync(validEvent);
        if (valid.StatusCode != HttpStatusCode.Accepted)
        {
            failures.Add($"a valid event after the hostile ones got {(int)valid.StatusCode}: {await valid.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0,
            $"{provider}: {failures.Count} failures over {HostileRequests.All.Count} hostile requests:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static async Task<HostileTarget> RegisterAsync(HubServer hub, byte[] signingKey)
    {
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality);
        using var registered = await municipality.PostAsJsonAsync("/api/v1/trajectories",
            new { bsn = "111222333", counsellor = new { organisation = Counsellor, contactName = "Fatima de Vries" } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var trajectoryId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new HostileTarget(
            trajectoryId, hub.TokenFor(Municipality, PartnerRole.Municipality), hub.TokenFor(Landlord, PartnerRole.Creditor), signingKey, hub.Clock.GetUtcNow());
    }

    /// <summary>A token forged with the hub's key and the right claims works, so the forged tokens the cases break fail for what they break.</summary>
    private static async Task AssertForgedTokensPassAsync(HttpClient client, HostileTarget target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/trajectories");
        request.Headers.Authorization = new("Bearer", HostileRequests.Forge(target, target.SigningKey, HostileRequests.MunicipalityClaims()));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Null when the case was refused as it should be; otherwise what went wrong, naming the case.</summary>
    private static async Task<string?> RefusalProblemAsync(HubServer hub, HttpClient client, HostileTarget target, HostileCase hostile)
    {
        using var request = hostile.Build(target);
        var logged = hub.LogLines.Count;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException error)
        {
            return $"{hostile.Name}: no response: {error.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();
            var wrong = new List<string>();
            if (status is < 400 or > 499)
            {
                wrong.Add($"status {status} is not 4xx");
            }
            else if (hostile.Status is { } expected && status != expected)
            {
                wrong.Add($"status {status}, expected {expected}");
            }

            if (mediaType != ProblemMediaType)
            {
                wrong.Add($"Content-Type {mediaType ?? "missing"}, expected {ProblemMediaType}");
            }
            else
            {
                wrong.AddRange(ProblemBodyFaults(body, status));
            }

            if (wrong.Count > 0 && hub.LogLines.Skip(logged).FirstOrDefault(line => line.StartsWith("Error", StringComparison.Ordinal)) is { } error)
            {
                wrong.Add("hub logged " + ErrorSummary(error));
            }

            return wrong.Count == 0 ? null : $"{hostile.Name} ({status}): {string.Join("; ", wrong)}; body: {Shorten(body)}";
        }
    }

    private static IEnumerable<string> ProblemBodyFaults(string body, int status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return ["body is not JSON"];
        }

        using (document)
        {
            return ProblemFaults(document.RootElement, status);
        }
    }

    private static List<string> ProblemFaults(JsonElement problem, int status)
    {
        if (problem.ValueKind != JsonValueKind.Object)
        {
            return ["body is not a JSON object"];
        }

        var faults = new[] { "type", "title", "detail" }
            .Where(member => !problem.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            .Select(member => $"problem has no {member}")
            .ToList();
        if (!problem.TryGetProperty("status", out var stated) || stated.ValueKind != JsonValueKind.Number || !stated.TryGetInt32(out var number) || number != status)
        {
            faults.Add($"problem status is not {status}");
        }

        return faults;
    }

    private static async Task<TableCounts> CountAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return new TableCounts(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trajectories"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM history"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM participants"));
    }

    /// <summary>The exception the hub logged and the first frame of the hub's own code it passed through.</summary>
    private static string ErrorSummary(string line)
    {
        var exception = LoggedException().Match(line);
        var frame = HubFrame().Match(line);
        return (exception.Success ? exception.Value : Shorten(line)) + (frame.Success ? $" at {frame.Groups["method"].Value} ({frame.Groups["file"].Value})" : "");
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    [GeneratedRegex(@"[\w.]+Exception( \(0x[0-9A-F]+\))?: [^\r\n]*")]
    private static partial Regex LoggedException();

    [GeneratedRegex(@"at (?<method>Schuldketen\.[^\s(]+)\([^)]*\) in \S*/(?<file>[^/\s]+:line \d+)")]
    private static partial Regex HubFrame();

    private sealed record TableCounts(long Trajectories, long History, long Inbox, long Outbox, long Participants);
}
