using System.Diagnostics;
using System.Text.Json;

namespace Schuldketen.Bench;

/// <summary>Runs the load driver as a child process (this program with <c>drive</c>) and reads back what it measured.</summary>
internal static class DriverProcess
{
    public static async Task<DriverResult> RunAsync(DriverJob job)
    {
        var file = await job.WriteAsync();
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            start.ArgumentList.Add(typeof(DriverProcess).Assembly.Location);
            start.ArgumentList.Add("drive");
            start.ArgumentList.Add(file);
            using var driver = Process.Start(start)!;
            var output = await driver.StandardOutput.ReadToEndAsync();
            await driver.WaitForExitAsync();
            if (driver.ExitCode != 0)
            {
                throw new InvalidOperationException($"The load driver stopped with exit code {driver.ExitCode}: {output}");
            }

            return JsonSerializer.Deserialize<DriverResult>(output.Trim().Split('\n')[^1])!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
