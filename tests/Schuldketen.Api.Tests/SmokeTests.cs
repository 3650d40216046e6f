using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

public class SmokeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_municipality_registers_a_trajectory_and_reads_it_back(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var created = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = "111222333" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var read = await municipality.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("aanmelding", body.GetProperty("phase").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("1.0.0", read.Headers.GetValues("API-Version").Single());
    }
}
