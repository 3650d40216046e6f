using System.Text.Json;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Workflows.Signals;

/// <summary>The DDAS signal partner types (<see cref="SignalPartnerType"/>, EnumSignaalpartner) by their wire names, as a signal names them.</summary>
public static class SignalPartnerTypes
{
    private static readonly JsonSerializerOptions Wire = new() { Converters = { new JsonStringEnumConverter() } };

    public static readonly IReadOnlyDictionary<string, SignalPartnerType> ByWireName = Enum.GetValues<SignalPartnerType>()
        .ToDictionary(type => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(type, Wire))!, type => type, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ByWireName.Keys.ToList();
}
