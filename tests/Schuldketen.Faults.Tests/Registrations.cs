using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Schuldketen.Faults.Tests;

/// <summary>Registers trajectories over HTTP as the municipality, each with the journey's debt counsellor assigned.</summary>
internal static class Registrations
{
    public static async Task<string[]> RegisterAsync(Deployment deployment, IReadOnlyList<string> bsns)
    {
        var ids = new string[bsns.Count];
        var clients = deployment.Hosts.Select(host => deployment.Client(host, Journey.Municipality)).ToList();
        try
        {
            await Parallel.ForAsync(0, bsns.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, cancellationToken) =>
            {
                var request = new { bsn = bsns[index], counsellor = new { organisation = Journey.Counsellor, contactName = "Fouttest Schuldhulpverlener" } };
                using var response = await clients[index % clients.Count].PostAsJsonAsync("/api/v1/trajectories", request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registration {index} answered {(int)response.StatusCode}, not 201: {body}");
                using var view = JsonDocument.Parse(body);
                ids[index] = view.RootElement.GetProperty("id").GetString()!;
            });
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }

        return ids;
    }
}
