using System.Text.Json;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Workflows.Signals;

/// <summary>The DDAS signal partner types (<see cref="SignalPartnerType"/>, EnumSignaalpartner) by their wire names, as a signal names them, and any DDAS value's wire name.</summary>
public static class SignalPartnerTypes
{
    private static readonly JsonSerializerOptions Wire = new() { Converters = { new JsonStringEnumConverter() } };

    public static readonly IReadOnlyDictionary<string, SignalPartnerType> ByWireName = Enum.GetValues<SignalPartnerType>()
        .ToDictionary(type => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(type, Wire))!, type => type, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ByWireName.Keys.ToList();

    /// <summary>The DDAS wire name of any of the code lists' values, such as a signal status.</summary>
    public static string WireName<T>(T value)
        where T : struct, Enum => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, Wire))!;
}
