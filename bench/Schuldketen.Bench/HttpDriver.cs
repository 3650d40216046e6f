using System.Diagnostics;
using System.Net;
using System.Text;

namespace Schuldketen.Bench;

/// <summary>One event ready to send: the client of its sender and the serialized CloudEvent.</summary>
internal sealed record PreparedEvent(HttpClient Client, byte[] Body);

/// <summary>
/// Many partner systems at once: each client takes the next trajectory and posts its events in
/// order, one request at a time, timing every request. Anything but 202 stops the run.
/// </summary>
internal static class HttpDriver
{
    private const string MediaType = "application/cloudevents+json";

    public static async Task<(double EventsPerSecond, double P99Ms)> DriveAsync(Uri events, IReadOnlyList<PreparedEvent[]> journeys, int clients)
    {
        var latencies = new LatencyLog(journeys.Sum(journey => journey.Length));
        var offsets = new int[journeys.Count];
        for (var i = 1; i < journeys.Count; i++)
        {
            offsets[i] = offsets[i - 1] + journeys[i - 1].Length;
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, journeys.Count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (index, cancellationToken) =>
        {
            var journey = journeys[index];
            for (var step = 0; step < journey.Length; step++)
            {
                var sent = Stopwatch.GetTimestamp();
                await PostAsync(events, journey[step], cancellationToken);
                latencies.Record(offsets[index] + step, Stopwatch.GetElapsedTime(sent));
            }
        });
        clock.Stop();
        return (latencies.Count / clock.Elapsed.TotalSeconds, latencies.Percentile(0.99));
    }

    private static async Task PostAsync(Uri events, PreparedEvent prepared, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(prepared.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, events) { Content = content };
        using var response = await prepared.Client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"The hub answered {(int)response.StatusCode}, not 202, to {Encoding.UTF8.GetString(prepared.Body)}: {problem}");
        }
    }
}
