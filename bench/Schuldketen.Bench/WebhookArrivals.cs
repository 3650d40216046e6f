namespace Schuldketen.Bench;

/// <summary>
/// When each (trajectory, sequence) first arrived at a webhook receiver, as a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp; each look reads only the requests that came since the one before, so waiting for the last ones stays cheap.
/// </summary>
internal sealed class WebhookArrivals(WebhookReceiver receiver)
{
    private readonly Dictionary<(string Trajectory, long Sequence), long> first = [];
    private int read;

    public IReadOnlyDictionary<(string Trajectory, long Sequence), long> Look()
    {
        var requests = receiver.Requests;
        for (; read < requests.Count; read++)
        {
            if (requests[read] is { Arrival: { } arrival } request)
            {
                var key = (arrival.Subject, arrival.Sequence);
                first[key] = first.TryGetValue(key, out var earlier) ? Math.Min(earlier, request.Began) : request.Began;
            }
        }

        return first;
    }
}
