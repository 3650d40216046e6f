namespace Schuldketen.Bench;

/// <summary>Request latencies in fixed slots, one per request, so recording neither locks nor allocates.</summary>
internal sealed class LatencyLog(int count)
{
    private readonly double[] milliseconds = new double[count];

    public int Count => milliseconds.Length;

    public void Record(int slot, TimeSpan latency) => milliseconds[slot] = latency.TotalMilliseconds;

    /// <summary>The nearest-rank percentile, e.g. 0.99 for p99.</summary>
    public double Percentile(double fraction)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted[(int)Math.Ceiling(sorted.Length * fraction) - 1];
    }
}
