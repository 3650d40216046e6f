using Schuldketen.Functions.CommandLine;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Tests.Validation;

/// <summary>The shipped definitions are valid, and <c>schuldketen definitions</c> says so, or says what is broken.</summary>
public class ShippedDefinitionsTests
{
    public static TheoryData<string, string, int> BrokenCases() => BrokenDefinitionTests.Cases();

    [Fact]
    public void EveryShippedDefinitionValidatesWithoutFindings()
    {
        var files = DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder);

        var result = DefinitionLibrary.Load(files, [], LegalCalendar.Default);

        Assert.Empty(result.Findings);
        Assert.Contains(Path.Combine(DefinitionLibrary.ShippedFolder, "wgs-standaard.v1.yaml"), files);
        Assert.Contains(Path.Combine(DefinitionLibrary.ShippedFolder, "voorbeeldstad-kredietbank.v1.yaml"), files);
        Assert.Equal(files.Count, result.Library.All.Count);
    }

    [Fact]
    public void ValidateWithoutPathsChecksTheShippedDefinitions()
    {
        var (exitCode, output, error) = Run("definitions", "validate");

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Contains("ok wgs-standaard v1", output, StringComparison.Ordinal);
        Assert.Contains("ok voorbeeldstad-kredietbank v1", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void ValidateABrokenFixtureFailsAndPointsAtTheLine(string file, string rule, int line)
    {
        var path = BrokenDefinitionTests.FixturePath(file);

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
