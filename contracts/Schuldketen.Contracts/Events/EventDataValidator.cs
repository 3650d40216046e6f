using System.Text.Json;
using NJsonSchema.Validation;

namespace Schuldketen.Contracts.Events;

/// <summary>Schema first, then a strict read into the record, then the record's own cross-member rules.</summary>
internal static class EventDataValidator
{
    private const string MissingData = "Send data: this event type has required members.";
    private const string NotAnObject = "Send data as a JSON object.";

    private static readonly JsonSchemaValidator SchemaValidator = new();

    public static EventDataResult Validate(Type recordType, JsonElement data)
    {
        var schema = EventDataSchemas.For(recordType);
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return schema.HasRequiredMembers
                ? EventDataResult.Invalid([new DataProblem("", MissingData)])
                : EventDataResult.Valid((IEventData)Activator.CreateInstance(recordType, Absent(recordType))!);
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            return EventDataResult.Invalid([new DataProblem("", NotAnObject)]);
        }

        var textProblems = TextProblems(data, "").ToArray();
        if (textProblems.Length > 0)
        {
            return EventDataResult.Invalid(textProblems);
        }

        var rangeProblems = NumberRange.Problems(data).ToArray();
        if (rangeProblems.Length > 0)
        {
            return EventDataResult.Invalid(rangeProblems);
        }

        // One problem per member: a value that breaks the pattern usually breaks its length too.
        var schemaProblems = SchemaValidator.Validate(data.GetRawText(), schema.Schema)
            .Select(SchemaProblems.From)
            .DistinctBy(problem => problem.Pointer)
            .ToArray();
        if (schemaProblems.Length > 0)
        {
            return EventDataResult.Invalid(schemaProblems);
        }

        IEventData record;
        try
        {
            record = (IEventData)data.Deserialize(recordType, EventDataJson.Options)!;
        }
        catch (JsonException exception)
        {
            var pointer = JsonPointer.FromPath(exception.Path);
            var subject = pointer.Length > 0 ? pointer[1..] : "data";
            return EventDataResult.Invalid([new DataProblem(pointer, $"Correct {subject}: write it in the type and format the schema of this event type gives.")]);
        }

        var recordProblems = record is IConsistencyCheck check ? check.Problems().ToArray() : [];
        return recordProblems.Length > 0 ? EventDataResult.Invalid(recordProblems) : EventDataResult.Valid(record);
    }

    /// <summary>Names and strings that do not decode, or hold a NUL character, which no database column can keep.</summary>
    private static IEnumerable<DataProblem> TextProblems(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = member.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return [new DataProblem(pointer, "Send the data as valid UTF-8: a member name cannot be decoded.")];
                    }

                    var inner = TextProblems(member.Value, pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)).ToArray();
                    if (inner.Length > 0)
                    {
                        return inner;
                    }
                }

                return [];
            case JsonValueKind.Array:
                return element.EnumerateArray().SelectMany((item, index) => TextProblems(item, $"{pointer}/{index}")).Take(1).ToArray();
            case JsonValueKind.String:
                try
                {
                    return element.GetString()!.Contains('\0', StringComparison.Ordinal)
                        ? [new DataProblem(pointer, "Remove the NUL character from this text.")]
                        : [];
                }
                catch (InvalidOperationException)
                {
                    return [new DataProblem(pointer, "Send this text as valid Unicode: it has bytes that are not UTF-8 or an unpaired surrogate.")];
                }

            default:
                return [];
        }
    }

    private static object?[] Absent(Type recordType) =>
        recordType.GetConstructors().Single().GetParameters().Select(parameter => parameter.DefaultValue).ToArray();
}
