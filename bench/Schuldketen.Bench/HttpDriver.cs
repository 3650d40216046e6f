using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Schuldketen.Bench;

/// <summary>
/// The load driver, run in its own process so the hub's CPU and allocations are measured without it.
/// Many partner systems at once: each journey's events go in order, one request at a time, every
/// request timed. Anything but 202 stops the run.
/// </summary>
internal static class HttpDriver
{
    private const string MediaType = "application/cloudevents+json";

    public static async Task<int> RunAsync(string jobFile)
    {
        var job = await DriverJob.ReadAsync(jobFile);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = job.Clients,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
        }) { Timeout = TimeSpan.FromMinutes(2) };
        var result = job.RatePerSecond == 0 ? await ClosedLoopAsync(client, job) : await OpenLoopAsync(client, job);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<DriverResult> ClosedLoopAsync(HttpClient client, DriverJob job)
    {
        var latencies = new LatencyLog(job.Journeys.Sum(journey => journey.Length));
        var offsets = new int[job.Journeys.Count];
        for (var i = 1; i < job.Journeys.Count; i++)
        {
            offsets[i] = offsets[i - 1] + job.Journeys[i - 1].Length;
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, job.Journeys.Count, new ParallelOptions { MaxDegreeOfParallelism = job.Clients }, async (index, cancellationToken) =>
        {
            var journey = job.Journeys[index];
            for (var step = 0; step < journey.Length; step++)
            {
                latencies.Record(offsets[index] + step, await PostAsync(client, job.Events, journey[step], cancellationToken));
            }
        });
        clock.Stop();
        return new DriverResult(latencies.Count, latencies.Count / clock.Elapsed.TotalSeconds, latencies.Percentile(0.50), latencies.Percentile(0.99));
    }

    /// <summary>
    /// A fixed offered load: event k starts at k / rate seconds, taken from the journeys whose previous event was
    /// answered (a journey never has two events in flight, so its order holds). Late answers do not slow the offer.
    /// </summary>
    private static async Task<DriverResult> OpenLoopAsync(HttpClient client, DriverJob job)
    {
        var total = job.Journeys.Sum(journey => journey.Length);
        var latencies = new LatencyLog(total);
        var ready = Channel.CreateUnbounded<(int Journey, int Step)>();
        for (var i = 0; i < job.Journeys.Count; i++)
        {
            ready.Writer.TryWrite((i, 0));
        }

        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < total; sent++)
        {
            var due = TimeSpan.FromSeconds(sent / (double)job.RatePerSecond);
            if (due - clock.Elapsed is { TotalMilliseconds: > 1 } wait)
            {
                await Task.Delay(wait);
            }

            var (journey, step) = await ready.Reader.ReadAsync();
            var slot = sent;
            inFlight.Add(Task.Run(async () =>
            {
                latencies.Record(slot, await PostAsync(client, job.Events, job.Journeys[journey][step], CancellationToken.None));
                if (step + 1 < job.Journeys[journey].Length)
                {
                    ready.Writer.TryWrite((journey, step + 1));
                }
            }));
        }

        await Task.WhenAll(inFlight);
        clock.Stop();
        return new DriverResult(total, total / clock.Elapsed.TotalSeconds, latencies.Percentile(0.50), latencies.Percentile(0.99));
    }

    private static async Task<TimeSpan> PostAsync(HttpClient client, Uri events, DriverEvent prepared, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var content = new ByteArrayContent(prepared.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, events) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", prepared.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"The hub answered {(int)response.StatusCode}, not 202, to {Encoding.UTF8.GetString(prepared.Body)}: {problem}");
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
