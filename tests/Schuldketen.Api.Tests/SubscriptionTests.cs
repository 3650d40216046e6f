using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Functions.Problems;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// The subscription functions over real HTTP: a partner subscribes, reads, changes and ends its own
/// subscriptions and nobody else's, and a callback the hub may not call is refused when it is given.
/// </summary>
public class SubscriptionTests
{
    /// <summary>A public address (TEST-NET-3) the policy allows; nothing needs to listen there.</summary>
    private const string PublicCallback = "https://203.0.113.10/schuldketen/webhook";

    private const string OtherPublicCallback = "https://203.0.113.20/hooks/schuldhulp";

    private static readonly Dictionary<string, string?> HttpsOnly = new() { ["Schuldketen:Webhooks:AllowHttp"] = "false" };

    /// <summary>Callbacks a hub that allows neither http nor loopback nor private networks refuses, with a word the reason must hold.</summary>
    private static readonly (string Url, string Reason)[] RefusedCallbacks =
    [
        ("http://203.0.113.10/schuldketen/webhook", "https"),
        ("ftp://203.0.113.10/schuldketen/webhook", "https"),
        ("https://127.0.0.1/schuldketen/webhook", "loopback"),
        ("https://127.0.0.2:8443/schuldketen/webhook", "loopback"),

        // localhost stands for every hostname that resolves inward: no other DNS names can be added here.
        ("https://localhost/schuldketen/webhook", "loopback"),
        ("https://[::1]/schuldketen/webhook", "loopback"),
        ("https://[::ffff:127.0.0.1]/schuldketen/webhook", "loopback"),
        ("https://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://10.0.0.5/schuldketen/webhook", "internal network"),
        ("https://172.16.0.1/schuldketen/webhook", "internal network"),
        ("https://192.168.1.10/schuldketen/webhook", "internal network"),
        ("https://[::ffff:192.168.1.10]/schuldketen/webhook", "internal network"),
        ("https://[fd00::5]/schuldketen/webhook", "internal network"),
        ("https://0.0.0.0/schuldketen/webhook", "internal network"),
        ("https://partner:geheim@203.0.113.10/schuldketen/webhook", "credentials"),
        ("webhook.example/schuldketen", "absolute URL"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subscription_is_created_with_its_secret_once_then_listed_read_changed_and_ended(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, HttpsOnly);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var created = await SubscriptionApi.PostAsync(municipality, PublicCallback, [EventTypes.CrisisCheckCompleted]);
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)created.StatusCode}: {body}");
        var subscription = JsonDocument.Parse(body).RootElement;
        var id = subscription.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/subscriptions/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(PublicCallback, subscription.GetProperty("callbackUrl").GetString());
        Assert.Equal([EventTypes.CrisisCheckCompleted], PartnerApi.Strings(subscription.GetProperty("eventTypes")));
        Assert.Equal(hub.Clock.GetUtcNow(), subscription.GetProperty("createdAt").GetDateTimeOffset());
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.StartsWith(StandardWebhooks.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret[StandardWebhooks.SecretPrefix.Length..]).Length >= 24, "The signing key is shorter than 24 bytes.");

        var listed = Assert.Single(await SubscriptionApi.ListAsync(municipality));
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal(PublicCallback, listed.GetProperty("callbackUrl").GetString());
        Assert.False(listed.TryGetProperty("secret", out _), "The list shows the secret.");

        var read = await SubscriptionApi.GetAsync(municipality, id);
        Assert.Equal(PublicCallback, read.GetProperty("callbackUrl").GetString());
        Assert.Equal([EventTypes.CrisisCheckCompleted], PartnerApi.Strings(read.GetProperty("eventTypes")));
        Assert.False(read.TryGetProperty("secret", out _), "Reading a subscription shows the secret.");

        using var changed = await municipality.PutAsJsonAsync($"/api/v1/subscriptions/{id}",
            new { callbackUrl = OtherPublicCallback, eventTypes = new[] { EventTypes.AccessGranted, EventTypes.DroppedOut } });
        var changedBody = await changed.Content.ReadAsStringAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)changed.StatusCode}: {changedBody}");
        var afterChange = JsonDocument.Parse(changedBody).RootElement;
        Assert.Equal(id, afterChange.GetProperty("id").GetString());
        Assert.Equal(OtherPublicCallback, afterChange.GetProperty("callbackUrl").GetString());
        Assert.False(afterChange.TryGetProperty("secret", out _), "The answer to a change shows the secret.");
        var reread = await SubscriptionApi.GetAsync(municipality, id);
        Assert.Equal(OtherPublicCallback, reread.GetProperty("callbackUrl").GetString());
        Assert.Equal([EventTypes.AccessGranted, EventTypes.DroppedOut], PartnerApi.Strings(reread.GetProperty("eventTypes")));
        Assert.Equal(subscription.GetProperty("createdAt").GetDateTimeOffset(), reread.GetProperty("createdAt").GetDateTimeOffset());

        using var ended = await municipality.DeleteAsync($"/api/v1/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        using var readAfterEnd = await municipality.GetAsync($"/api/v1/subscriptions/{id}");
        await PartnerApi.AssertProblemAsync(readAfterEnd, HttpStatusCode.NotFound, SubscriptionApi.NotFoundRule);
        using var endedAgain = await municipality.DeleteAsync($"/api/v1/subscriptions/{id}");
        await PartnerApi.AssertProblemAsync(endedAgain, HttpStatusCode.NotFound, SubscriptionApi.NotFoundRule);
        using var changeAfterEnd = await municipality.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { callbackUrl = PublicCallback });
        await PartnerApi.AssertProblemAsync(changeAfterEnd, HttpStatusCode.NotFound, SubscriptionApi.NotFoundRule);
        Assert.Empty(await SubscriptionApi.ListAsync(municipality));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_organisations_subscription_is_not_found_for_any_function(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, HttpsOnly);
        using var owner = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = (await SubscriptionApi.CreateAsync(owner, PublicCallback)).GetProperty("id").GetString()!;

        foreach (var (organisation, role) in new[]
                 {
                     (OtherMunicipality, PartnerRole.Municipality),
                     (Counsellor, PartnerRole.DebtCounsellor),
                     (Landlord, PartnerRole.Creditor),
                 })
        {
            using var stranger = hub.Client(organisation, role, "buitenstaander");
            using var read = await stranger.GetAsync($"/api/v1/subscriptions/{id}");
            using var change = await stranger.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { callbackUrl = OtherPublicCallback });
            using var deliveries = await stranger.GetAsync($"/api/v1/subscriptions/{id}/deliveries");
            using var redelivery = await stranger.PostAsync($"/api/v1/subscriptions/{id}/deliveries/1/redelivery", null);
            using var end = await stranger.DeleteAsync($"/api/v1/subscriptions/{id}");

            foreach (var response in new[] { read, change, deliveries, redelivery, end })
            {
                await PartnerApi.AssertProblemAsync(response, HttpStatusCode.NotFound, SubscriptionApi.NotFoundRule);
            }

            Assert.Empty(await SubscriptionApi.ListAsync(stranger));
        }

        var untouched = await SubscriptionApi.GetAsync(owner, id);
        Assert.Equal(PublicCallback, untouched.GetProperty("callbackUrl").GetString());
        Assert.Equal(id, Assert.Single(await SubscriptionApi.ListAsync(owner)).GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_callback_the_hub_may_not_call_is_refused_on_creation_and_on_change_naming_callbackUrl(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, HttpsOnly);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var existing = (await SubscriptionApi.CreateAsync(municipality, PublicCallback)).GetProperty("id").GetString()!;
        var wrong = new List<string>();

        foreach (var (url, reason) in RefusedCallbacks)
        {
            using var creation = await SubscriptionApi.PostAsync(municipality, url);
            using var change = await municipality.PutAsJsonAsync($"/api/v1/subscriptions/{existing}", new { callbackUrl = url });
            foreach (var (function, response) in new[] { ("creation", creation), ("change", change) })
            {
                var text = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.BadRequest
                              && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                              && JsonDocument.Parse(text).RootElement is var problem
                              && problem.GetProperty("type").GetString() == HubProblems.TypePrefix + SubscriptionApi.InvalidRule
                              && problem.GetProperty("invalidParams").EnumerateArray().ToList() is [var field]
                              && field.GetProperty("name").GetString() == "callbackUrl"
                              && field.GetProperty("reason").GetString()!.Contains(reason, StringComparison.OrdinalIgnoreCase);
                if (!refused)
                {
                    wrong.Add($"{function} with {url} (expected 400 on callbackUrl for '{reason}'): {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        var listed = Assert.Single(await SubscriptionApi.ListAsync(municipality));
        Assert.Equal(existing, listed.GetProperty("id").GetString());
        Assert.Equal(PublicCallback, listed.GetProperty("callbackUrl").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loopback_and_http_are_allowed_only_as_far_as_the_hub_allows_them(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Schuldketen:Webhooks:AllowHttp"] = "true",
            ["Schuldketen:Webhooks:AllowLoopback"] = "true",
        });
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        foreach (var url in new[] { "http://127.0.0.1:8080/webhook", "https://localhost/webhook", "https://[::1]/webhook", "http://203.0.113.10/webhook" })
        {
            Assert.Equal(url, (await SubscriptionApi.CreateAsync(municipality, url)).GetProperty("callbackUrl").GetString());
        }

        foreach (var url in new[] { "https://10.0.0.5/webhook", "https://192.168.1.10/webhook", "https://169.254.169.254/latest/meta-data/" })
        {
            using var response = await SubscriptionApi.PostAsync(municipality, url);
            var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, SubscriptionApi.InvalidRule);
            Assert.Equal(["callbackUrl"], PartnerApi.InvalidParamNames(problem));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_type_outside_the_catalogue_is_refused_naming_eventTypes(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, HttpsOnly);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await SubscriptionApi.PostAsync(municipality, PublicCallback, [EventTypes.CrisisCheckCompleted, "nl.schuldketen.bestaat.niet"]);

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, SubscriptionApi.InvalidRule);
        var field = Assert.Single(problem.GetProperty("invalidParams").EnumerateArray());
        Assert.Equal("eventTypes", field.GetProperty("name").GetString());
        Assert.Contains("nl.schuldketen.bestaat.niet", field.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await SubscriptionApi.ListAsync(municipality));
    }
}

/// <summary>The subscription functions as a partner calls them.</summary>
internal static class SubscriptionApi
{
    public const string NotFoundRule = "abonnement-niet-gevonden";
    public const string InvalidRule = "ongeldig-abonnement";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string callbackUrl, IReadOnlyList<string>? eventTypes = null) =>
        client.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl, eventTypes });

    /// <summary>Subscribes and demands 201; returns the subscription as created, with its secret.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient client, string callbackUrl, IReadOnlyList<string>? eventTypes = null)
    {
        using var response = await PostAsync(client, callbackUrl, eventTypes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Subscribing {callbackUrl} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<JsonElement> GetAsync(HttpClient client, string id) => GetJsonAsync(client, $"/api/v1/subscriptions/{id}");

    public static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient client) =>
        (await GetJsonAsync(client, "/api/v1/subscriptions")).EnumerateArray().ToList();

    public static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(HttpClient client, string id, string? status = null) =>
        (await GetJsonAsync(client, $"/api/v1/subscriptions/{id}/deliveries{(status is null ? "" : $"?status={status}")}")).EnumerateArray().ToList();

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
