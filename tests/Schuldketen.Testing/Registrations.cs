using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Schuldketen.Testing;

/// <summary>Registers trajectories over HTTP as the municipality, each with the journey's debt counsellor as contact.</summary>
public static class Registrations
{
    public const string CounsellorContact = "Fatima de Vries";

    /// <summary>
    /// One trajectory per BSN, <paramref name="parallel"/> at a time, taking the municipality's clients in turn (one per host,
    /// say); demands 201 for each and returns the trajectory ids in the order of the BSNs.
    /// </summary>
    public static async Task<string[]> RegisterAsync(IReadOnlyList<HttpClient> municipality, IReadOnlyList<string> bsns, int parallel)
    {
        var ids = new string[bsns.Count];
        await Parallel.ForAsync(0, bsns.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, cancellationToken) =>
        {
            var request = new { bsn = bsns[index], counsellor = new { organisation = Organisations.Counsellor, contactName = CounsellorContact } };
            using var response = await municipality[index % municipality.Count].PostAsJsonAsync("/api/v1/trajectories", request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registration {index} answered {(int)response.StatusCode}, not 201: {body}");
            using var view = JsonDocument.Parse(body);
            ids[index] = view.RootElement.GetProperty("id").GetString()!;
        });
        return ids;
    }
}
