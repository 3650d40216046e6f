using System.Diagnostics;

namespace Schuldketen.Faults.Tests;

/// <summary>
/// Runs one of the repository's <c>infra/</c> server scripts against the fault tests' own instances
/// (their own folder and ports), so stopping them never disturbs another test project's servers.
/// </summary>
internal static class InfraScript
{
    public const string ServersDirectory = "/tmp/schuldketen-faults";
    public const int PostgresPort = 55433;
    public const int RabbitMqPort = 56730;

    /// <summary>Runs <c>infra/&lt;script&gt; &lt;verb&gt;</c> and returns the last line it printed; fails with its output if it failed.</summary>
    public static async Task<string> RunAsync(string script, string verb)
    {
        var start = new ProcessStartInfo(Repository.Script(script), verb)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // RabbitMQ's tools drop crash dumps into the folder they run in.
            WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["SCHULDKETEN_SERVERS_DIR"] = ServersDirectory,
                ["SCHULDKETEN_PG_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SCHULDKETEN_RMQ_PORT"] = RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"infra/{script} {verb} failed with exit code {process.ExitCode}: {await output} {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
    }
}
