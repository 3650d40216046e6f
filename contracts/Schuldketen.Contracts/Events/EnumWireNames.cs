using System.Text.Json;

namespace Schuldketen.Contracts.Events;

/// <summary>The wire name of an enum value in event data, as <see cref="EventDataJson"/> writes it.</summary>
public static class EnumWireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, EventDataJson.Options).GetString()!;
}
