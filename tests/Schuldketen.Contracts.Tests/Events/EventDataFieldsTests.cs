using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

/// <summary>The workplace builds each step's form from these fields; a member without a Dutch label has no form.</summary>
public sealed class EventDataFieldsTests
{
    public static TheoryData<string> PartnerEventTypes() => [.. EventDataCatalogue.DataTypes.Keys];

    [Theory]
    [MemberData(nameof(PartnerEventTypes))]
    public void Every_member_of_every_partner_event_is_a_field_with_a_dutch_label(string type)
    {
        var fields = EventDataCatalogue.Fields(type);
        using var schema = System.Text.Json.JsonDocument.Parse(EventDataCatalogue.SchemaJson(type));
        var members = schema.RootElement.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(member => member.Name).Order().ToList()
            : [];

        Assert.Equal(members, fields.Select(field => field.Name).Order().ToList());
        Assert.All(fields, field => Assert.False(string.IsNullOrWhiteSpace(field.Label), field.Name));
        Assert.All(fields.Where(field => field.Kind == DataFieldKind.Choice), field => Assert.NotEmpty(field.Choices));
    }

    [Fact]
    public void The_schema_decides_each_component_its_bounds_and_what_is_required()
    {
        var stabilisation = EventDataCatalogue.Fields(EventTypes.StabilisationCompleted).ToDictionary(field => field.Name);
        Assert.Equal((DataFieldKind.WholeNumber, true, 0m, 1000m),
            (stabilisation["creditorCount"].Kind, stabilisation["creditorCount"].Required, stabilisation["creditorCount"].Minimum, stabilisation["creditorCount"].Maximum));
        Assert.Equal((DataFieldKind.Amount, 1_000_000_000m), (stabilisation["totalDebt"].Kind, stabilisation["totalDebt"].Maximum));

        var crisisCheck = EventDataCatalogue.Fields(EventTypes.CrisisCheckCompleted).ToDictionary(field => field.Name);
        Assert.Equal(DataFieldKind.YesNo, crisisCheck["crisis"].Kind);
        Assert.Equal((DataFieldKind.Choice, false), (crisisCheck["kind"].Kind, crisisCheck["kind"].Required));
        Assert.Contains(new DataChoice("afsluiting-energie", "Afsluiting energie"), crisisCheck["kind"].Choices);
        Assert.Equal((DataFieldKind.LongText, 1000), (crisisCheck["note"].Kind, crisisCheck["note"].MaxLength));

        var granted = EventDataCatalogue.Fields(EventTypes.AccessGranted).ToDictionary(field => field.Name);
        Assert.Equal((DataFieldKind.Date, "Datum van het besluit"), (granted["decidedOn"].Kind, granted["decidedOn"].Label));
        Assert.Equal((DataFieldKind.LongText, 4000), (granted["planSummary"].Kind, granted["planSummary"].MaxLength));
        Assert.NotNull(granted["planSummary"].Help);

        Assert.Equal(DataFieldKind.DateTime, EventDataCatalogue.Fields(EventTypes.FirstConversationHeld)[0].Kind);
        Assert.Equal(DataFieldKind.Text, EventDataCatalogue.Fields(EventTypes.Referred)[0].Kind);
    }

    [Fact]
    public void Allowed_values_read_in_dutch_from_the_contract()
    {
        var outcome = EventDataCatalogue.Fields(EventTypes.AftercareCompleted).Single();
        Assert.Equal([new DataChoice("geregeld", "De schulden zijn geregeld"), new DataChoice("schone-lei", "Schone lei na de WSNP")], outcome.Choices);

        var channel = EventDataCatalogue.Fields(EventTypes.ContactMomentRecorded).Single(field => field.Name == "channel");
        Assert.Contains(new DataChoice("e-mail", "E-mail"), channel.Choices);

        var role = EventDataCatalogue.Fields(EventTypes.ParticipantLinked).Single(field => field.Name == "role");
        Assert.Contains(new DataChoice("schuldhulpverlener", "Schuldhulpverlener"), role.Choices);
        Assert.DoesNotContain(role.Choices, choice => choice.Value == "gemeente");
    }
}
