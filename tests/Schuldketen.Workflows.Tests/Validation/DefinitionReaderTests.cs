using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Validation;

namespace Schuldketen.Workflows.Tests.Validation;

public class DefinitionReaderTests
{
    private const string Minimal = """
        id: klein
        version: 1
        title: Klein traject
        initial: start
        main-path: [start, klaar]
        phases:
          - id: start
            title: Start
            resident: U bent begonnen.
          - id: klaar
            title: Klaar
            resident: U bent klaar.
            terminal: true
            outcomes: [geregeld]
        transitions:
          - on: nl.schuldketen.nazorg.afgerond
            from: start
            to: klaar
            roles: [gemeente]
            outcomes: [geregeld]
        deadlines: []
        """;

    [Fact]
    public void A_minimal_definition_reads_without_findings()
    {
        var result = DefinitionReader.Read(Minimal, "klein.yaml");

        Assert.Empty(result.Findings);
        Assert.Equal(new DefinitionKey("klein", 1), result.Definition!.Key);
        Assert.Equal(["start", "klaar"], result.Definition.MainPath);
        Assert.Equal(new DefinitionLines(4, 5, 1), result.Definition.Lines);
    }

    [Theory]
    [InlineData("    from: start", "    from: []", 17)]
    [InlineData("main-path: [start, klaar]", "main-path: []", 5)]
    public void An_empty_required_list_is_reported_where_it_stands(string original, string broken, int line)
    {
        var result = DefinitionReader.Read(Minimal.Replace(original, broken, StringComparison.Ordinal), "klein.yaml");

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Rules.InvalidValue, line), (finding.Rule, finding.Line));
        Assert.Contains("must not be empty", finding.Message);
    }

    [Fact]
    public void An_expected_duration_reads_its_length_basis_and_reference()
    {
        var yaml = Minimal.Replace("    resident: U bent begonnen.\n",
            "    resident: U bent begonnen.\n    expected-duration: { duration: 4 maanden, basis: ervaring, reference: gemiddeld ongeveer 4 maanden }\n",
            StringComparison.Ordinal);

        var result = DefinitionReader.Read(yaml, "klein.yaml");

        Assert.Empty(result.Findings);
        Assert.Equal(
            new ExpectedDuration(new TermLength(4, TermUnit.Months), EstimateBasis.Experience, "gemiddeld ongeveer 4 maanden", 10),
            result.Definition!.Phase("start").ExpectedDuration);
        Assert.Null(result.Definition.Phase("klaar").ExpectedDuration);
    }

    [Theory]
    [InlineData("{ duration: 4 maanden, basis: gevoel, reference: schatting }", Rules.InvalidValue, "must be wet, richtlijn, beleid or ervaring")]
    [InlineData("{ duration: ongeveer 4 maanden, basis: ervaring, reference: schatting }", Rules.InvalidValue, "e.g. '4 weken'")]
    [InlineData("{ duration: 4 maanden, basis: ervaring }", Rules.MissingField, "'reference' is missing")]
    [InlineData("{ duration: 4 maanden, basis: ervaring, reference: schatting, bron: NVVK }", Rules.UnknownField, "expected-duration has no field 'bron'")]
    [InlineData("4 maanden", Rules.InvalidValue, "'expected-duration' must be a mapping")]
    public void A_broken_expected_duration_is_reported_on_its_line(string value, string rule, string hint)
    {
        var yaml = Minimal.Replace("    resident: U bent begonnen.\n", $"    resident: U bent begonnen.\n    expected-duration: {value}\n", StringComparison.Ordinal);

        var result = DefinitionReader.Read(yaml, "klein.yaml");

        var finding = Assert.Single(result.Findings);
        Assert.Equal((rule, 10), (finding.Rule, finding.Line));
        Assert.Contains(hint, finding.Message, StringComparison.Ordinal);
    }
}
