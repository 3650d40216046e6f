using System.Text.Json;
using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas.Report;

/// <summary>How a DDAS delivery is written: DDAS's property names as declared, code values as DDAS spells them, absent rather than null.</summary>
public static class DdasJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
