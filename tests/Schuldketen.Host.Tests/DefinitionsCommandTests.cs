using Schuldketen.Functions.CommandLine;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Host.Tests;

/// <summary><c>schuldketen definitions</c> says the shipped definitions are valid, or says what is broken and where.</summary>
public class DefinitionsCommandTests
{
    [Fact]
    public void ValidateWithoutPathsChecksTheShippedDefinitions()
    {
        var (exitCode, output, error) = Run("definitions", "validate");

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Contains("ok wgs-standaard v1", output, StringComparison.Ordinal);
        Assert.Contains("ok voorbeeldstad-kredietbank v1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateABrokenDefinitionFailsAndPointsAtTheLine()
    {
        var standard = File.ReadAllLines(Path.Combine(DefinitionLibrary.ShippedFolder, "wgs-standaard.v1.yaml"));
        var line = Array.FindIndex(standard, text => text.StartsWith("initial: ", StringComparison.Ordinal)) + 1;
        standard[line - 1] = "initial: bestaat-niet";
        var path = Path.Combine(Path.GetTempPath(), $"schuldketen-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllLines(path, standard);
        const string rule = "unknown-phase";

        var (exitCode, output, error) = Run("definitions", "validate", path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{path}:{line}: {rule}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ok ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAMissingFileFails()
    {
        var (exitCode, _, error) = Run("definitions", "validate", "/no/such/file.yaml");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/no/such/file.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderDrawsEveryPhaseOfTheStandard()
    {
        var standard = DefinitionLibrary.LoadShipped(LegalCalendar.Default).Get(new DefinitionKey("wgs-standaard", 1));

        var (exitCode, output, error) = Run("definitions", "render", "wgs-standaard");

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.StartsWith("stateDiagram-v2", output, StringComparison.Ordinal);
        var words = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.All(standard.Phases, phase => Assert.Contains(phase.Id, words));
        Assert.Contains("eerstegesprek : eerste-gesprek", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderAnUnknownDefinitionFails()
    {
        var (exitCode, output, error) = Run("definitions", "render", "nope");

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", output);
        Assert.Contains("nope", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HubCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
