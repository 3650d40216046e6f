using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Schuldketen.Contracts.Events;

/// <summary>The JSON Schema of an event data record, generated once per record.</summary>
internal sealed record EventDataSchema(JsonSchema Schema, string Json, bool HasRequiredMembers);

internal static class EventDataSchemas
{
    private static readonly ConcurrentDictionary<Type, Lazy<EventDataSchema>> Cache = new();

    private static readonly SystemTextJsonSchemaGeneratorSettings Settings = new()
    {
        SerializerOptions = EventDataJson.Options,
        DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        AlwaysAllowAdditionalObjectProperties = false,
    };

    public static EventDataSchema For(Type recordType) =>
        Cache.GetOrAdd(recordType, type => new Lazy<EventDataSchema>(() => Generate(type))).Value;

    private static EventDataSchema Generate(Type recordType)
    {
        var schema = JsonSchema.FromType(recordType, Settings);
        schema.Title = recordType.Name;

        var required = RequiredMembers(recordType);
        foreach (var name in required)
        {
            schema.RequiredProperties.Add(name);
        }

        foreach (var definition in schema.Definitions.Values)
        {
            definition.Description = null;
            definition.EnumerationNames.Clear();
        }

        // The record carries the role as its wire name; the schema lists the roles that may be linked, and so unlinked.
        if (recordType == typeof(ParticipantLinked) || recordType == typeof(ParticipantUnlinked))
        {
            var role = schema.Properties[Name(nameof(ParticipantLinked.Role))];
            foreach (var wireName in ParticipantLinked.LinkableRoles)
            {
                role.Enumeration.Add(wireName);
            }
        }

        return new EventDataSchema(schema, schema.ToJson(), required.Count > 0);
    }

    /// <summary>
    /// The members the serializer demands: constructor parameters without a default value.
    /// Every record gives its nullable members a default, so these are its non-nullable members.
    /// </summary>
    private static IReadOnlyList<string> RequiredMembers(Type recordType) =>
        recordType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Single()
            .GetParameters()
            .Where(parameter => !parameter.HasDefaultValue)
            .Select(parameter => WireName(recordType.GetProperty(parameter.Name!)!))
            .ToArray();

    /// <summary>A record member's name in the data: its <see cref="JsonPropertyNameAttribute"/>, or else its name in camel case.</summary>
    public static string WireName(PropertyInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Name(member.Name);

    private static string Name(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);
}
