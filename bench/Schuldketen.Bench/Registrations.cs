using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Schuldketen.Bench;

/// <summary>Registers trajectories over HTTP as the municipality, each with the journey's debt counsellor assigned.</summary>
internal static class Registrations
{
    public static async Task<string[]> RegisterAsync(HttpClient municipality, IReadOnlyList<string> bsns, int clients)
    {
        var ids = new string[bsns.Count];
        await Parallel.ForAsync(0, bsns.Count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (index, cancellationToken) =>
        {
            var request = new
            {
                bsn = bsns[index],
                counsellor = new { organisation = PartnerJourney.Counsellor, contactName = "Bench Schuldhulpverlener" },
            };
            using var content = JsonContent.Create(request);
            using var response = await municipality.PostAsync("/api/v1/trajectories", content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException(
                    $"Registration {index} answered {(int)response.StatusCode}, not 201: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            using var view = JsonDocument.Parse(body);
            ids[index] = view.RootElement.GetProperty("id").GetString()
                         ?? throw new InvalidOperationException($"Registration {index} answered without a trajectory id.");
        });
        return ids;
    }
}
