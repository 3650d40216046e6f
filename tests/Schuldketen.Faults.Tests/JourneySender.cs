using System.Diagnostics;
using System.Net;
using System.Threading.RateLimiting;

namespace Schuldketen.Faults.Tests;

/// <summary>How the sender drives the hub: trajectories at once, offered events per second (0: as fast as it can), how long it keeps retrying one event.</summary>
internal sealed record SenderSettings(int Concurrency, int EventsPerSecond = 0, TimeSpan? GiveUpAfter = null);

/// <summary>
/// Partner systems sending each trajectory's journey in order, many trajectories at once, round-robin
/// over the hosts. An event without an answer, or with 5xx or 429, is sent again with the same id,
/// usually to the next host; any other answer than 202 ends that trajectory. Everything goes into the ledger.
/// </summary>
internal sealed class JourneySender(Deployment deployment, Ledger ledger, SenderSettings settings) : IDisposable
{
    private const string MediaType = "application/cloudevents+json";
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<HostProcess, HttpClient> clients = deployment.Hosts.ToDictionary(host => host, host => new HttpClient
    {
        BaseAddress = host.Address,
        Timeout = TimeSpan.FromSeconds(30),
    });

    private readonly RateLimiter? pace = settings.EventsPerSecond > 0
        ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.EventsPerSecond / 10),
            TokensPerPeriod = Math.Max(1, settings.EventsPerSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        })
        : null;

    private long turn;
    private int nextTrajectory = -1;

    /// <summary>Sends the journeys; after <paramref name="stop"/> no new trajectory begins, running ones finish.</summary>
    public async Task<TimeSpan> RunAsync(IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys, CancellationToken stop = default)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref nextTrajectory) is var index && index < journeys.Count)
            {
                foreach (var journeyEvent in journeys[index])
                {
                    if (!await DeliverAsync(journeyEvent))
                    {
                        break;
                    }
                }
            }
        })));
        return clock.Elapsed;
    }

    public void Dispose()
    {
        pace?.Dispose();
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>Sends one event until the hub accepts it; false when it refused it or the sender gave up.</summary>
    private async Task<bool> DeliverAsync(JourneyEvent journeyEvent)
    {
        if (pace is not null)
        {
            using var lease = await pace.AcquireAsync();
        }

        var giveUpAt = Stopwatch.StartNew();
        while (true)
        {
            var host = deployment.Hosts[(int)(Interlocked.Increment(ref turn) % deployment.Hosts.Count)];
            var (status, answer) = await SendAsync(host, journeyEvent);
            if (status == (int)HttpStatusCode.Accepted)
            {
                ledger.Accept(journeyEvent.Id);
                return true;
            }

            if (status is >= 400 and < 500 and not (int)HttpStatusCode.TooManyRequests)
            {
                ledger.Fail(journeyEvent.Id, $"{host.Name} answered {status}: {answer}");
                return false;
            }

            if (giveUpAt.Elapsed > (settings.GiveUpAfter ?? TimeSpan.FromMinutes(2)))
            {
                ledger.Fail(journeyEvent.Id, $"no 202 within {giveUpAt.Elapsed.TotalSeconds:0} s; last {host.Name} answered {status}: {answer}");
                return false;
            }

            await Task.Delay(RetryPause);
        }
    }

    private async Task<(int Status, string Answer)> SendAsync(HostProcess host, JourneyEvent journeyEvent)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var content = new ByteArrayContent(journeyEvent.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = content };
        request.Headers.Authorization = deployment.Token(journeyEvent.Organisation);
        try
        {
            using var response = await clients[host].SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            ledger.Record(new Attempt(journeyEvent.Id, host.Name, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter?.ToString(), started, clock.Elapsed));
            return ((int)response.StatusCode, answer);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            ledger.Record(new Attempt(journeyEvent.Id, host.Name, 0, null, null, started, clock.Elapsed));
            return (0, error.GetType().Name);
        }
    }
}
