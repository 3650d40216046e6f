using System.Collections.Concurrent;

namespace Schuldketen.Faults.Tests;

/// <summary>One request of the sender: to which host, what came back (status 0: no answer), and when.</summary>
internal sealed record Attempt(string EventId, string Host, int Status, string? ContentType, string? RetryAfter, DateTimeOffset Started, TimeSpan Took)
{
    public DateTimeOffset Ended => Started + Took;
}

/// <summary>
/// The sender's own record, kept apart from the hub: per event id whether the hub accepted it (answered
/// 202), every attempt, and the events refused or given up on, with why.
/// </summary>
internal sealed class Ledger
{
    private readonly ConcurrentDictionary<string, bool> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Attempt> attempts = new();
    private readonly ConcurrentQueue<string> failures = new();
    private int acceptedCount;

    public int AcceptedCount => Volatile.Read(ref acceptedCount);

    public IReadOnlyList<Attempt> Attempts => attempts.ToList();

    /// <summary>Events the hub refused, or that got no 202 before the sender gave up: id, status and answer.</summary>
    public IReadOnlyList<string> Failures => failures.ToList();

    public bool IsAccepted(string eventId) => accepted.TryGetValue(eventId, out var yes) && yes;

    public void Record(Attempt attempt) => attempts.Enqueue(attempt);

    public void Accept(string eventId)
    {
        if (accepted.TryAdd(eventId, true))
        {
            Interlocked.Increment(ref acceptedCount);
        }
    }

    public void Fail(string eventId, string why)
    {
        accepted.TryAdd(eventId, false);
        failures.Enqueue($"{eventId}: {why}");
    }
}
