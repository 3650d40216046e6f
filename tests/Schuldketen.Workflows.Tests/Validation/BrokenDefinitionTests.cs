using System.Reflection;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Validation;

namespace Schuldketen.Workflows.Tests.Validation;

/// <summary>
/// One broken definition per rule in fixtures/broken, named after the rule it breaks. Each must
/// break exactly that rule, on the line a policy officer would have to fix.
/// </summary>
public class BrokenDefinitionTests
{
    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "fixtures", "broken");

    public static string FixturePath(string file) => Path.Combine(FixtureFolder, file);

    /// <summary>The cases of <see cref="FixtureBreaksExactlyItsRuleOnItsLine"/>, for tests that feed the fixtures in another way.</summary>
    public static TheoryData<string, string, int> Cases()
    {
        var method = typeof(BrokenDefinitionTests).GetMethod(nameof(FixtureBreaksExactlyItsRuleOnItsLine))!;
        var cases = new TheoryData<string, string, int>();
        foreach (var row in method.GetCustomAttributes<InlineDataAttribute>().SelectMany(data => data.GetData(method)))
        {
            cases.Add((string)row[0], (string)row[1], (int)row[2]);
        }

        return cases;
    }

    public static TheoryData<string> RuleIds() => new(AllRuleIds());

    private static List<string> AllRuleIds() =>
        typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

    [Theory]
    [InlineData("yaml-syntax.yaml", Rules.YamlSyntax, 14)]
    [InlineData("missing-field.yaml", Rules.MissingField, 41)]
    [InlineData("unknown-field.yaml", Rules.UnknownField, 16)]
    [InlineData("invalid-value.yaml", Rules.InvalidValue, 43)]
    [InlineData("duplicate-id.yaml", Rules.DuplicateId, 17)]
    [InlineData("unknown-phase.yaml", Rules.UnknownPhase, 39)]
    [InlineData("unknown-role.yaml", Rules.UnknownRole, 29)]
    [InlineData("unknown-event-type.yaml", Rules.UnknownEventType, 34)]
    [InlineData("unknown-guard.yaml", Rules.UnknownGuard, 25)]
    [InlineData("unknown-outcome.yaml", Rules.UnknownOutcome, 29)]
    [InlineData("missing-outcome.yaml", Rules.MissingOutcome, 29)]
    [InlineData("unreachable-phase.yaml", Rules.UnreachablePhase, 17)]
    [InlineData("phase-without-exit.yaml", Rules.PhaseWithoutExit, 17)]
    [InlineData("terminal-without-outcome.yaml", Rules.TerminalWithoutOutcome, 9)]
    [InlineData("terminal-with-exit.yaml", Rules.TerminalWithExit, 17)]
    [InlineData("main-path-broken.yaml", Rules.MainPathBroken, 6)]
    [InlineData("impossible-moment.yaml", Rules.ImpossibleMoment, 45)]
    [InlineData("statutory-without-reference.yaml", Rules.StatutoryWithoutReference, 41)]
    [InlineData("unknown-base-definition.yaml", Rules.UnknownBaseDefinition, 5)]
    [InlineData("statutory-deadline-dropped.yaml", Rules.StatutoryDeadlineDropped, 5)]
    [InlineData("statutory-deadline-lengthened.yaml", Rules.StatutoryDeadlineLengthened, 128)]
    [InlineData("statutory-deadline-moved.yaml", Rules.StatutoryDeadlineMoved, 129)]
    [InlineData("phase-without-task-status.yaml", Rules.PhaseWithoutTaskStatus, 13)]
    [InlineData("unknown-task-status.yaml", Rules.UnknownTaskStatus, 16)]
    [InlineData("unknown-deadline.yaml", Rules.UnknownDeadline, 17)]
    [InlineData("unknown-base-phase.yaml", Rules.UnknownBasePhase, 31)]
    public void FixtureBreaksExactlyItsRuleOnItsLine(string file, string rule, int line)
    {
        var path = FixturePath(file);

        var result = DefinitionLibrary.Load(
            [path], DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder), LegalCalendar.Default);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(rule, finding.Rule);
        Assert.Equal(line, finding.Line);
        Assert.Equal(path, finding.File);
        Assert.StartsWith($"{path}:{line}: {rule}: ", finding.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Library.All);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleHasAFixtureWithItsOwnIdAndAComment(string rule)
    {
        var path = FixturePath($"{rule}.yaml");

        Assert.True(File.Exists(path), $"rule '{rule}' has no broken fixture at {path}");
        var lines = File.ReadLines(path).Take(2).ToList();
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"id: broken-{rule}", lines[1]);
    }

    [Fact]
    public void EveryRuleIsCheckedByExactlyOneCase()
    {
        var checkedRules = Cases().Select(row => (string)row[1]).Order(StringComparer.Ordinal);
        var fixtureFiles = Cases().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(AllRuleIds().Order(StringComparer.Ordinal), checkedRules);
        Assert.Equal(checkedRules.Select(rule => $"{rule}.yaml"), fixtureFiles);
        Assert.Equal(
            fixtureFiles,
            Directory.EnumerateFiles(FixtureFolder, "*.yaml").Select(file => Path.GetRelativePath(FixtureFolder, file)).Order(StringComparer.Ordinal));
    }
}
