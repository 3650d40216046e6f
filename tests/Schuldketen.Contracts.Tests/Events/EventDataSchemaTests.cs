using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

public sealed class EventDataSchemaTests
{
    public static TheoryData<string> Types => Samples.Types;

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_schema_is_closed_and_titled_after_its_record(string type)
    {
        using var schema = JsonDocument.Parse(EventDataCatalogue.SchemaJson(type));
        var root = schema.RootElement;

        Assert.Equal(EventDataCatalogue.DataTypes[type].Name, root.GetProperty("title").GetString());
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, root.GetProperty("additionalProperties").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Non_nullable_members_are_required_and_nullable_ones_are_not(string type)
    {
        var recordType = EventDataCatalogue.DataTypes[type];
        using var schema = JsonDocument.Parse(EventDataCatalogue.SchemaJson(type));
        var required = schema.RootElement.TryGetProperty("required", out var list)
            ? list.EnumerateArray().Select(name => name.GetString()!).ToHashSet()
            : [];
        var nullability = new NullabilityInfoContext();

        foreach (var parameter in recordType.GetConstructors().Single().GetParameters())
        {
            var nullable = Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || nullability.Create(parameter).WriteState == NullabilityState.Nullable;
            var name = recordType.GetProperty(parameter.Name!)?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                       ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            Assert.True(required.Contains(name) != nullable, $"{recordType.Name}.{parameter.Name}");
            Assert.True(parameter.HasDefaultValue == nullable, $"{recordType.Name}.{parameter.Name} needs a default exactly when it is nullable");
        }
    }

    [Fact]
    public void The_schema_is_generated_once() =>
        Assert.Same(EventDataCatalogue.SchemaJson(EventTypes.DroppedOut), EventDataCatalogue.SchemaJson(EventTypes.DroppedOut));

    [Fact]
    public void Dates_instants_amounts_and_enums_have_their_json_form()
    {
        var stabilisation = Properties(EventTypes.StabilisationCompleted);
        Assert.Equal("number", stabilisation.GetProperty("totalDebt").GetProperty("type").GetString());
        Assert.Equal(0, stabilisation.GetProperty("totalDebt").GetProperty("minimum").GetDecimal());

        Assert.Equal("date", Properties(EventTypes.MoratoriumGranted).GetProperty("until").GetProperty("format").GetString());
        Assert.Equal("date-time", Properties(EventTypes.FirstConversationHeld).GetProperty("heldAt").GetProperty("format").GetString());

        var schema = EventDataCatalogue.SchemaJson(EventTypes.DroppedOut);
        Assert.Contains("\"zelf-gestopt\"", schema);
        Assert.DoesNotContain("StoppedByResident", schema);
    }

    [Theory]
    [InlineData(EventTypes.ParticipantLinked)]
    [InlineData(EventTypes.ParticipantUnlinked)]
    public void Participant_roles_are_listed_without_hub_and_municipality(string type)
    {
        var roles = Properties(type).GetProperty("role").GetProperty("enum")
            .EnumerateArray().Select(role => role.GetString()!).ToArray();

        Assert.Equal(["schuldhulpverlener", "schuldeiser", "rechtbank", "bewindvoerder", "huisarts"], roles);
    }

    [Fact]
    public void A_schema_is_only_given_for_partner_events() =>
        Assert.Throws<ArgumentException>(() => EventDataCatalogue.SchemaJson(EventTypes.DeadlinePassed));

    private static JsonElement Properties(string type) =>
        JsonDocument.Parse(EventDataCatalogue.SchemaJson(type)).RootElement.GetProperty("properties").Clone();
}
