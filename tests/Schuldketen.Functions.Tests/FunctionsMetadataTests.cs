using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using NCrontab;
using Schuldketen.Functions.Timers;
using Schuldketen.Functions.Worker;

namespace Schuldketen.Functions.Tests;

/// <summary>
/// No drift between the hosts: the published Functions app's <c>functions.metadata</c> has an HTTP function for every route
/// the embedded host maps under <c>/api/v1</c> and <c>/fhir/r4</c> (same methods, same route), no function at a route the
/// embedded host does not map, and a timer function on the schedule of each timer the embedded host runs.
/// </summary>
public class FunctionsMetadataTests(FunctionsMetadataTests.Published published) : IClassFixture<FunctionsMetadataTests.Published>
{
    [Fact]
    public async Task Every_route_of_the_embedded_host_is_a_function_with_the_same_methods_and_route_and_no_function_has_another()
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        var embedded = hub.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (Route: HubEndpoints.RouteOf(endpoint), Methods: HubEndpoints.MethodsOf(endpoint)))
            .Where(endpoint => endpoint.Route.StartsWith("api/v1", StringComparison.Ordinal) || endpoint.Route.StartsWith("fhir/r4", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Methods.Select(method => $"{method} {endpoint.Route}"))
            .ToHashSet();
        var functions = published.HttpFunctions
            .SelectMany(function => function.Methods.Select(method => $"{method.ToUpperInvariant()} {function.Route}"))
            .ToHashSet();

        Assert.True(embedded.Count > 30, $"Only {embedded.Count} routes found under /api/v1 and /fhir/r4");
        Assert.Empty(embedded.Except(functions));
        var mapped = hub.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => HubEndpoints.MethodsOf(endpoint).Select(method => $"{method} {HubEndpoints.RouteOf(endpoint)}"))
            .ToHashSet();
        Assert.Empty(published.HttpFunctions.SelectMany(function => function.Methods
            .Where(method => !mapped.Contains($"{method.ToUpperInvariant()} {function.Route}") && !mapped.Contains($"* {function.Route}"))
            .Select(method => $"{function.Name}: {method} {function.Route}")));
    }

    [Fact]
    public async Task Every_timer_of_the_embedded_host_is_a_timer_function_on_its_schedule()
    {
        // On the system clock the test hub keeps the default intervals.
        await using var hub = await HubServer.StartAsync(new HubStart(TestDatabase.Sqlite) { SystemClock = true });
        var timers = hub.Service<IEnumerable<IHubTimer>>().ToList();

        Assert.Equal(3, timers.Count);
        foreach (var timer in timers)
        {
            var name = timer.GetType().Name;
            var function = Assert.Single(published.TimerFunctions, function => function.Name == name);
            var schedule = CrontabSchedule.Parse(function.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
            var first = schedule.GetNextOccurrence(new DateTime(2026, 3, 2, 10, 0, 0));
            Assert.True(schedule.GetNextOccurrence(first) - first == timer.Interval, $"{name} runs every {timer.Interval} in the embedded host, on '{function.Schedule}' as a function");
        }
    }

    [Fact]
    public void The_published_app_carries_its_own_settings_file_without_the_demo_defaults()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "appsettings.json"))).RootElement;

        Assert.False(settings.TryGetProperty("Schuldketen", out _));
        Assert.True(File.Exists(Path.Combine(published.Folder, "host.json")));
    }

    /// <summary><c>dotnet publish</c> of the Functions app once for the class, and its <c>functions.metadata</c>.</summary>
    public sealed class Published : IDisposable
    {
        public Published()
        {
            Folder = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"published{Guid.NewGuid():N}");
            var project = Path.Combine(Repository.Root, "functions", "Schuldketen.Functions.Worker");
            // The test project builds the app as a reference, in the configuration the tests run in.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", Folder, "--nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = publish.StandardOutput.ReadToEndAsync();
            var error = publish.StandardError.ReadToEnd();
            publish.WaitForExit();
            Assert.True(publish.ExitCode == 0, $"dotnet publish failed: {output.Result}{error}");

            var functions = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "functions.metadata"))).RootElement.EnumerateArray().ToList();
            HttpFunctions = functions.SelectMany(function => Bindings(function, "httpTrigger")
                .Select(binding => new HttpFunction(
                    function.GetProperty("name").GetString()!,
                    binding.GetProperty("methods").EnumerateArray().Select(method => method.GetString()!).ToList(),
                    binding.GetProperty("route").GetString()!))).ToList();
            TimerFunctions = functions.SelectMany(function => Bindings(function, "timerTrigger")
                .Select(binding => new TimerFunction(function.GetProperty("name").GetString()!, binding.GetProperty("schedule").GetString()!))).ToList();
        }

        public string Folder { get; }

        public IReadOnlyList<HttpFunction> HttpFunctions { get; }

        public IReadOnlyList<TimerFunction> TimerFunctions { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private static IEnumerable<JsonElement> Bindings(JsonElement function, string type) =>
            function.GetProperty("bindings").EnumerateArray().Where(binding => binding.GetProperty("type").GetString() == type);
    }

    public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route);

    public sealed record TimerFunction(string Name, string Schedule);
}
