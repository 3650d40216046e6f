using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Tests.Definitions;

/// <summary>
/// A variant states only what differs from its base: the resident's task and the status a referrer sees
/// come from the base phase of the same id, or from the one a renamed phase stands for.
/// </summary>
public class PhaseInheritanceTests
{
    private static readonly DefinitionKey Voorbeeldstad = new("voorbeeldstad-kredietbank", 1);
    private static readonly string VoorbeeldstadFile = Path.Combine(DefinitionLibrary.ShippedFolder, "voorbeeldstad-kredietbank.v1.yaml");

    [Fact]
    public void Every_phase_voorbeeldstad_shares_with_the_standard_shows_the_resident_and_the_referrer_what_the_standard_shows()
    {
        var variant = Shipped.Library.Get(Voorbeeldstad);
        var shared = variant.Phases.Where(phase => Shipped.StandardDefinition.FindPhase(phase.Id) is not null).ToList();

        Assert.Equal(14, shared.Count);
        Assert.All(shared, phase => AssertShowsAs(variant, phase.Id, Shipped.StandardDefinition, phase.Id));
    }

    [Fact]
    public void The_consolidation_loan_of_voorbeeldstad_shows_what_the_settlement_with_creditors_shows_in_the_standard()
    {
        var variant = Shipped.Library.Get(Voorbeeldstad);

        AssertShowsAs(variant, "saneringskrediet", Shipped.StandardDefinition, "schuldregeling");
        Assert.Equal("Geef veranderingen in uw inkomen of adres direct door aan uw contactpersoon.", variant.Phase("saneringskrediet").ResidentTask?.Text);
        Assert.Equal("in-progress", variant.TaskStatusOf("saneringskrediet", null).Code);
    }

    [Fact]
    public void A_renamed_phase_that_names_no_base_phase_has_no_task_and_shows_the_referrer_in_progress()
    {
        var yaml = File.ReadAllText(VoorbeeldstadFile).Replace("    stands-for: schuldregeling\n", "", StringComparison.Ordinal);
        var read = DefinitionReader.Read(yaml, VoorbeeldstadFile);

        var variant = PhaseInheritance.Resolve(read.Definition!, key => Shipped.Library.Find(key));

        Assert.Null(variant.Phase("saneringskrediet").ResidentTask);
        Assert.Equal(("in-progress", null), (variant.TaskStatusOf("saneringskrediet", null).Code, variant.TaskStatusOf("saneringskrediet", null).Reason));
        Assert.Equal("Kom naar het eerste gesprek. Uw contactpersoon spreekt de dag en tijd met u af.", variant.Phase("eerste-gesprek").ResidentTask?.Text);
    }

    [Fact]
    public void An_inherited_task_loses_its_date_when_the_variant_drops_the_deadline_that_gave_it()
    {
        var yaml = File.ReadAllText(VoorbeeldstadFile);
        var withoutHomeVisit = yaml.Remove(yaml.IndexOf("  - id: wsnp-huisbezoek", StringComparison.Ordinal))
                               + yaml[yaml.IndexOf("  - id: wsnp-looptijd", StringComparison.Ordinal)..];
        var read = DefinitionReader.Read(withoutHomeVisit, VoorbeeldstadFile);

        var task = PhaseInheritance.Resolve(read.Definition!, key => Shipped.Library.Find(key)).Phase("wsnp").ResidentTask;

        Assert.Equal(("Houd u aan de afspraken met uw bewindvoerder en laat hem of haar binnen bij het huisbezoek.", true, null),
            (task?.Text, task?.MustAct, task?.DeadlineId));
    }

    [Fact]
    public void A_variant_phase_without_an_expected_duration_takes_the_one_of_the_base_phase()
    {
        var yaml = File.ReadAllText(VoorbeeldstadFile);
        var stabilisation = yaml.IndexOf("  - id: stabilisatie", StringComparison.Ordinal);
        var line = yaml.IndexOf("    expected-duration:", stabilisation, StringComparison.Ordinal);
        var without = yaml.Remove(line, yaml.IndexOf('\n', line) - line + 1);
        var read = DefinitionReader.Read(without, VoorbeeldstadFile);

        var expected = PhaseInheritance.Resolve(read.Definition!, key => Shipped.Library.Find(key)).Phase("stabilisatie").ExpectedDuration;

        var standard = Shipped.StandardDefinition.Phase("stabilisatie").ExpectedDuration!;
        Assert.Equal((standard.Length, standard.Basis, standard.Reference), (expected?.Length, expected?.Basis, expected?.Reference));
    }

    private static void AssertShowsAs(TrajectoryDefinition variant, string phase, TrajectoryDefinition standard, string standardPhase)
    {
        var (own, theirs) = (variant.Phase(phase), standard.Phase(standardPhase));
        Assert.Equal(
            (theirs.ResidentTask?.Text, theirs.ResidentTask?.MustAct, theirs.ResidentTask?.DeadlineId),
            (own.ResidentTask?.Text, own.ResidentTask?.MustAct, own.ResidentTask?.DeadlineId));
        foreach (var outcome in theirs.Outcomes.DefaultIfEmpty())
        {
            var (shown, expected) = (variant.TaskStatusOf(phase, outcome), standard.TaskStatusOf(standardPhase, outcome));
            Assert.Equal((expected.Code, expected.Reason), (shown.Code, shown.Reason));
        }
    }
}
