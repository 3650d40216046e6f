using System.Diagnostics;
using System.Globalization;

namespace Schuldketen.Bench;

/// <summary>
/// Where the time of a delivery goes, stage by stage: per stage the milliseconds of each event, printed as
/// <c>&lt;bench&gt;-stage &lt;provider&gt; stage=&lt;name&gt; p50_ms=… p99_ms=… n=…</c>. Stopwatch timestamps of the driver and
/// Unix milliseconds the hub wrote (same process, same clock) meet on one scale through <see cref="UnixMilliseconds"/>.
/// </summary>
internal sealed class StageTimes
{
    private readonly long anchorTimestamp = Stopwatch.GetTimestamp();
    private readonly long anchorUnix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly Dictionary<string, List<double>> stages = [];

    /// <summary>A driver timestamp as Unix milliseconds, with fractions.</summary>
    public double UnixMilliseconds(long timestamp) => anchorUnix + Stopwatch.GetElapsedTime(anchorTimestamp, timestamp).TotalMilliseconds;

    public void Add(string stage, double milliseconds)
    {
        if (!stages.TryGetValue(stage, out var times))
        {
            stages[stage] = times = [];
        }

        times.Add(milliseconds);
    }

    public void Print(string bench, string provider)
    {
        foreach (var (stage, times) in stages)
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{bench}-stage {provider} stage={stage} p50_ms={Percentile(times, 0.5):F1} p99_ms={Percentile(times, 0.99):F1} n={times.Count}"));
        }
    }

    public static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * fraction) - 1)];
}
