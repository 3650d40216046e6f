using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using NJsonSchema;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// The members of an event's data as form fields: the component, bounds, required members and allowed values from the
/// record's JSON Schema; the Dutch label and help text from the <see cref="DisplayAttribute"/> on each record member, and
/// the label of an allowed value from the <see cref="DisplayAttribute"/> on its enum member (or else its Dutch wire name).
/// </summary>
internal static class EventDataFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DataField>> Cache = new();

    public static IReadOnlyList<DataField> For(Type recordType) => Cache.GetOrAdd(recordType, Build);

    private static IReadOnlyList<DataField> Build(Type recordType)
    {
        var schema = EventDataSchemas.For(recordType).Schema;
        return recordType.GetConstructors().Single().GetParameters()
            .Select(parameter => Field(schema, recordType.GetProperty(parameter.Name!)!))
            .ToList();
    }

    private static DataField Field(JsonSchema schema, PropertyInfo member)
    {
        var name = EventDataSchemas.WireName(member);
        var property = schema.ActualProperties[name];
        var type = property.ActualTypeSchema;
        var display = member.GetCustomAttribute<DisplayAttribute>()
            ?? throw new InvalidOperationException($"{member.DeclaringType!.Name}.{member.Name} has no [Display] with its Dutch label.");
        var allowed = property.Enumeration.Count > 0 ? property.Enumeration : type.Enumeration;
        var maxLength = property.MaxLength ?? type.MaxLength;
        var kind = allowed.Count > 0 ? DataFieldKind.Choice
            : type.Type.HasFlag(JsonObjectType.Boolean) ? DataFieldKind.YesNo
            : type.Type.HasFlag(JsonObjectType.Integer) ? DataFieldKind.WholeNumber
            : type.Type.HasFlag(JsonObjectType.Number) ? DataFieldKind.Amount
            : type.Format == JsonFormatStrings.Date ? DataFieldKind.Date
            : type.Format == JsonFormatStrings.DateTime ? DataFieldKind.DateTime
            : maxLength > EventDataLimits.Name ? DataFieldKind.LongText
            : DataFieldKind.Text;
        var labels = Labels(Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType);
        return new DataField(
            name,
            kind,
            display.Name ?? throw new InvalidOperationException($"{member.DeclaringType!.Name}.{member.Name} has a [Display] without a Name."),
            display.Description,
            schema.RequiredProperties.Contains(name),
            maxLength,
            property.Minimum ?? type.Minimum,
            property.Maximum ?? type.Maximum,
            allowed.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)!)
                .Select(value => new DataChoice(value, labels.GetValueOrDefault(value) ?? Readable(value)))
                .ToList());
    }

    /// <summary>The labels of an enum's wire names, where its members carry a <see cref="DisplayAttribute"/>.</summary>
    private static Dictionary<string, string> Labels(Type type) =>
        !type.IsEnum
            ? []
            : type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.GetCustomAttribute<DisplayAttribute>()?.Name is not null)
                .ToDictionary(
                    field => JsonSerializer.SerializeToElement(field.GetValue(null), type, EventDataJson.Options).GetString()!,
                    field => field.GetCustomAttribute<DisplayAttribute>()!.Name!,
                    StringComparer.Ordinal);

    /// <summary>A Dutch wire name as a person reads it: "geen-contact" as "Geen contact".</summary>
    private static string Readable(string wireName) =>
        string.Concat(char.ToUpperInvariant(wireName[0]).ToString(), wireName[1..].Replace('-', ' '));
}
