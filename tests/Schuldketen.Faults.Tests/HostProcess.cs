using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Schuldketen.Faults.Tests;

/// <summary>
/// One hub host as a real process (<c>dotnet schuldketen.dll</c>) on a fixed loopback port, configured
/// by environment variables. Every start writes its stdout and stderr to its own log file.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string logFolder;
    private readonly List<string> logFiles = [];
    private Process? process;
    private Task? logging;

    public HostProcess(string name, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Name = name;
        this.environment = environment;
        this.logFolder = logFolder;
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>The log file of every start so far.</summary>
    public IReadOnlyList<string> LogFiles => logFiles;

    public int ProcessId => process?.Id ?? throw new InvalidOperationException($"{Name} is not running.");

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var assembly = Repository.HostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["urls"] = Address.ToString().TrimEnd('/');
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var logFile = Path.Combine(logFolder, $"{Name}-{logFiles.Count + 1}.log");
        logFiles.Add(logFile);
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        logging = CopyOutputAsync(process, logFile);
        var running = process;
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(async () =>
        {
            Assert.False(running.HasExited, $"{Name} exited with code {(running.HasExited ? running.ExitCode : 0)} before it was ready; see {logFile}.");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"{Name} to answer /health/ready with 200; see {logFile}", ReadyTimeout);
    }

    /// <summary>SIGKILL on the real process id: no shutdown, nothing flushed, leases left to run out.</summary>
    public async Task KillAsync()
    {
        var running = process ?? throw new InvalidOperationException($"{Name} is not running.");
        running.Kill(entireProcessTree: false);
        await running.WaitForExitAsync();
        await logging!;
        running.Dispose();
        process = null;
    }

    /// <summary>Stops the host as an operator would (SIGTERM), waiting for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process is not { } running)
        {
            return;
        }

        if (!running.HasExited)
        {
            using var terminate = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await terminate.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await running.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }

        await logging!;
        running.Dispose();
        process = null;
    }

    private static async Task CopyOutputAsync(Process running, string file)
    {
        await using var writer = new StreamWriter(file) { AutoFlush = true };
        var gate = new SemaphoreSlim(1, 1);

        async Task CopyAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                await gate.WaitAsync();
                try
                {
                    await writer.WriteLineAsync(line);
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        await Task.WhenAll(CopyAsync(running.StandardOutput), CopyAsync(running.StandardError));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
