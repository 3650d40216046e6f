namespace Schuldketen.Host.Tests;

/// <summary>
/// The Azure deployment in <c>infra/azure</c> is checked offline: every Bicep file builds and passes the linter without
/// a single diagnostic (an unknown property or a stale resource type is a warning, so none is let through), and the
/// demo parameter file builds. Nothing is deployed here.
/// </summary>
public class BicepTests
{
    public static TheoryData<string> BicepFiles() => new(Files());

    [Fact]
    public void The_deployment_has_its_main_file_and_demo_parameters()
    {
        Assert.True(File.Exists(Path.Combine(BicepCli.AzureFolder, "main.bicep")), "infra/azure/main.bicep is missing.");
        Assert.True(File.Exists(Path.Combine(BicepCli.AzureFolder, "main.demo.bicepparam")), "infra/azure/main.demo.bicepparam is missing.");
        Assert.Contains(Path.Combine("modules", "servicebus.bicep"), Files());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task A_bicep_file_builds_without_errors_or_warnings(string file)
    {
        var run = await BicepCli.RunAsync(BicepCli.AzureFolder, "build", file, "--stdout");

        AssertClean(run, $"bicep build {file}");
        Assert.Contains("\"$schema\"", run.Output);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task A_bicep_file_passes_the_linter(string file)
    {
        AssertClean(await BicepCli.RunAsync(BicepCli.AzureFolder, "lint", file), $"bicep lint {file}");
    }

    [Fact]
    public async Task The_demo_parameter_file_builds_and_passes_the_linter()
    {
        var build = await BicepCli.RunAsync(BicepCli.AzureFolder, "build-params", "main.demo.bicepparam", "--stdout");
        AssertClean(build, "bicep build-params main.demo.bicepparam");
        Assert.Contains("parametersJson", build.Output);

        AssertClean(await BicepCli.RunAsync(BicepCli.AzureFolder, "lint", "main.demo.bicepparam"), "bicep lint main.demo.bicepparam");
    }

    [Fact]
    public async Task An_unknown_property_is_a_diagnostic_the_checks_catch()
    {
        var folder = Directory.CreateTempSubdirectory("schuldketen-bicep-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "wrong.bicep"), """
                resource bus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
                  name: 'voorbeeld'
                  location: 'westeurope'
                  properties: {
                    maxDeliveryCount: 5
                  }
                }
                """);

            var run = await BicepCli.RunAsync(folder.FullName, "lint", "wrong.bicep");

            Assert.Contains(run.Diagnostics, line => line.Contains("Warning BCP037", StringComparison.Ordinal) && line.Contains("maxDeliveryCount", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Every Bicep file under infra/azure, relative to it.</summary>
    private static IEnumerable<string> Files() =>
        Directory.GetFiles(BicepCli.AzureFolder, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(BicepCli.AzureFolder, path))
            .Order(StringComparer.Ordinal);

    /// <summary>Exit code 0 and no line on standard error: the CLI exits 0 on warnings, so the lines are what count.</summary>
    private static void AssertClean(BicepRun run, string command)
    {
        Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0,
            $"{command} exited with {run.ExitCode} and reported:{Environment.NewLine}{string.Join(Environment.NewLine, run.Diagnostics)}");
    }
}
