using System.Diagnostics;
using System.Reflection;

namespace Schuldketen.Host.Tests;

/// <summary>
/// The native Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props),
/// whose path the project file writes into this assembly. It works offline: the Azure resource types are built in.
/// </summary>
internal static class BicepCli
{
    /// <summary>Fake but well-formed, for <c>readEnvironmentVariable</c> in the parameter files; never deployed.</summary>
    public const string TestPostgresPassword = "geen-echt-wachtwoord-alleen-voor-de-test";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static string AzureFolder { get; } = Path.Combine(Repository.Root, "infra", "azure");

    /// <summary>Runs <c>bicep &lt;arguments&gt;</c> in <paramref name="folder"/>, with the demo's password in the environment.</summary>
    public static async Task<BicepRun> RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
            Environment = { ["SCHULDKETEN_POSTGRES_PASSWORD"] = TestPostgresPassword },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await output, await errors);
    }

    private static string Executable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BicepCli").Value!;
        Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}: restore tests/Schuldketen.Host.Tests (dotnet restore) to fetch Azure.Bicep.CommandLine.linux-x64.");

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI these tests use is the linux-x64 package; run them on Linux x64.");
        }

        // A package cache filled on another machine or by another tool may have lost the executable bit.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}

/// <summary>What one run of the CLI left: its exit code, and its output and diagnostics apart.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Every line the CLI wrote to standard error: its errors, warnings and infos alike.</summary>
    public IReadOnlyList<string> Diagnostics => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
