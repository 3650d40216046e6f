using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Validation;

namespace Schuldketen.Workflows.Tests.Validation;

/// <summary>What a policy officer hears when the task or status of a phase is put in the wrong place.</summary>
public class PhaseKnowledgeFindingTests
{
    private const string Gesprek = "    resident: U krijgt binnen 4 weken een eerste gesprek.\n";
    private const string Closing = "    outcomes: [geregeld, uitval]\n";

    /// <summary>The broken fixture for a missing status, with the missing status added: a valid definition.</summary>
    private static readonly string Valid = File.ReadAllText(BrokenDefinitionTests.FixturePath("phase-without-task-status.yaml"))
        .Replace(Gesprek, Gesprek + "    fhir: { status: in-progress }\n", StringComparison.Ordinal);

    [Fact]
    public void The_fixture_with_its_status_added_is_valid()
    {
        Assert.Empty(Validate(Valid));
    }

    [Theory]
    [InlineData(Closing, Closing + "    fhir: { status: completed }\n", Rules.InvalidValue, 22, "fhir-per-outcome")]
    [InlineData(Gesprek, Gesprek + "    fhir-per-outcome: { geregeld: { status: completed } }\n", Rules.InvalidValue, 16, "give its status under 'fhir'")]
    [InlineData("uitval: { status: failed } }", "uitval: { status: failed }, geslaagd: { status: completed } }", Rules.UnknownOutcome, 22, "'geslaagd'")]
    [InlineData("  - id: gesprek\n", "  - id: gesprek\n    stands-for: eerste-gesprek\n", Rules.UnknownBasePhase, 13, "derives from no other")]
    [InlineData(Closing, Closing + "    expected-duration: { duration: 1 week, basis: ervaring, reference: schatting }\n", Rules.InvalidValue, 22,
        "has no expected duration")]
    public void A_misplaced_status_or_base_phase_is_reported_where_it_stands(string original, string broken, string rule, int line, string hint)
    {
        var finding = Assert.Single(Validate(Valid.Replace(original, broken, StringComparison.Ordinal)));

        Assert.Equal((rule, line), (finding.Rule, finding.Line));
        Assert.Contains(hint, finding.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ValidationFinding> Validate(string yaml)
    {
        var read = DefinitionReader.Read(yaml, "kort.yaml");
        Assert.Empty(read.Findings);
        return new DefinitionValidator(LegalCalendar.Default).Validate(read.Definition!, _ => null);
    }
}
