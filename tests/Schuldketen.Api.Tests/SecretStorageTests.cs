using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

public class SecretStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subscription_secret_is_stored_sealed_never_in_the_clear(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Schuldketen:Webhooks:AllowLoopback"] = "true",
            ["Schuldketen:Webhooks:AllowHttp"] = "true",
        });
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var created = await municipality.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = "http://127.0.0.1:9/hook" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        var stored = await connection.QuerySingleAsync<string>("SELECT secret FROM subscriptions");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], stored, StringComparison.Ordinal);
        Assert.NotEqual(secret, stored);
    }
}
