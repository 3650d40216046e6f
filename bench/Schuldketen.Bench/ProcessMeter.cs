using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Schuldketen.Bench;

/// <summary>
/// What a stretch of the run cost this process: cores busy on average,
/// bytes allocated, collections and time spent compiling, to tell CPU, allocation, warm-up and waiting apart.
/// </summary>
internal sealed class ProcessMeter
{
    private readonly TimeSpan cpu = CpuTime();
    private readonly long allocated = GC.GetTotalAllocatedBytes();
    private readonly int gen0 = GC.CollectionCount(0);
    private readonly int gen2 = GC.CollectionCount(2);
    private readonly TimeSpan jit = JitInfo.GetCompilationTime();
    private readonly long started = Stopwatch.GetTimestamp();

    public string Describe(int events)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuUsed = CpuTime() - cpu;
        return string.Create(CultureInfo.InvariantCulture,
            $"cores_busy={cpuUsed / elapsed:F2} cpu_us_per_event={cpuUsed.TotalMicroseconds / events:F0} " +
            $"alloc_kb_per_event={(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / events:F1} " +
            $"gen0={GC.CollectionCount(0) - gen0} gen2={GC.CollectionCount(2) - gen2} jit_ms={(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0}");
    }

    /// <summary>The hub's CPU and allocation per event, for the benchmark's result line.</summary>
    public string DescribePerEvent(int events) =>
        string.Create(CultureInfo.InvariantCulture,
            $"cpu_us_per_event={(CpuTime() - cpu).TotalMicroseconds / events:F0} alloc_kb_per_event={(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / events:F1}");

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
