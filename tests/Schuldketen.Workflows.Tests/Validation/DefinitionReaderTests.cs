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
}
