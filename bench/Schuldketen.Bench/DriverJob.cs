using System.Text.Json;

namespace Schuldketen.Bench;

/// <summary>One event for the load driver: the bearer token of its sender and the serialized CloudEvent.</summary>
internal sealed record DriverEvent(string Token, byte[] Body);

/// <summary>
/// What the load driver process is to send: journeys of events, each journey in order. With
/// <see cref="RatePerSecond"/> 0 it sends as fast as <see cref="Clients"/> partner systems can (closed loop);
/// otherwise it starts one event per 1/rate seconds whether or not earlier ones were answered (open loop).
/// </summary>
internal sealed record DriverJob(Uri Events, int Clients, int RatePerSecond, IReadOnlyList<DriverEvent[]> Journeys)
{
    public async Task<string> WriteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"schuldketen-driver-{Guid.NewGuid():N}.json");
        await using var stream = File.Create(file);
        await JsonSerializer.SerializeAsync(stream, this);
        return file;
    }

    public static async Task<DriverJob> ReadAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<DriverJob>(stream) ?? throw new InvalidDataException($"{file} holds no driver job.");
    }
}

/// <summary>What the load driver measured: events answered 202, their rate, and the latency percentiles.</summary>
internal sealed record DriverResult(int Events, double EventsPerSecond, double P50Ms, double P99Ms);
