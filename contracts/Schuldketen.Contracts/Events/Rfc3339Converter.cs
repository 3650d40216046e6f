using System.Text.Json;
using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Reads instants only as RFC 3339 with a zone. The serializer's own reader, and the schema
/// validator's date-time check, also take a bare date, which leaves the moment to guesswork.
/// </summary>
internal sealed class Rfc3339Converter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Rfc3339.TryParse(reader.GetString()!, out var instant)
            ? instant
            : throw new JsonException("Expected an RFC 3339 date and time with a zone.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
