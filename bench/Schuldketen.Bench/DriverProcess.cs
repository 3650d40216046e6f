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
            // Started as "dotnet Schuldketen.Bench.dll" or, under dotnet run, as its own executable.
            var host = Environment.ProcessPath!;
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(typeof(DriverProcess).Assembly.Location);
            }

            start.ArgumentList.Add("drive");
            start.ArgumentList.Add(file);
            using var driver = Process.Start(start)!;
            var output = await driver.StandardOutput.ReadToEndAsync();
            await driver.WaitForExitAsync();
            if (driver.ExitCode != 0)
            {
                throw new InvalidOperationException($"The load driver stopped with exit code {driver.ExitCode}: {output}");
            }

            var result = output.Split('\n').LastOrDefault(line => line.StartsWith('{'))
                         ?? throw new InvalidOperationException($"The load driver printed no result: {output}");
            return JsonSerializer.Deserialize<DriverResult>(result)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
