using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

public sealed class EventDataFactsTests
{
    [Theory]
    [InlineData("""{"crisis":true,"kind":"afsluiting-water"}""", "crisis")]
    [InlineData("""{"crisis":false}""", "geen-crisis")]
    public void The_crisis_check_states_its_fact(string json, string fact)
    {
        var data = EventDataCatalogue.Validate(EventTypes.CrisisCheckCompleted, Samples.Json(json)).Data!;

        Assert.Equal([fact], data.Facts);
        Assert.Null(data.Outcome);
    }

    [Theory]
    [InlineData("geregeld", AftercareOutcome.Settled)]
    [InlineData("schone-lei", AftercareOutcome.CleanSlate)]
    public void Aftercare_names_its_outcome_by_wire_name(string outcome, AftercareOutcome value)
    {
        var data = EventDataCatalogue.Validate(EventTypes.AftercareCompleted, Samples.Json($$"""{"outcome":"{{outcome}}"}""")).Data!;

        Assert.Equal(new AftercareCompleted(value), data);
        Assert.Equal(outcome, data.Outcome);
        Assert.Empty(data.Facts);
    }

    [Fact]
    public void Other_events_state_no_facts_and_no_outcome()
    {
        IEventData data = new MoratoriumGranted(new DateOnly(2026, 12, 31));

        Assert.Empty(data.Facts);
        Assert.Null(data.Outcome);
    }

    [Fact]
    public void Enums_are_written_with_their_dutch_wire_names() =>
        Assert.Equal("opzegging-zorgverzekering", EnumWireNames.Of(CrisisKind.HealthInsuranceTermination));
}
