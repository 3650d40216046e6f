namespace Schuldketen.Workflows.Signals;

/// <summary>The DDAS signal partner types (EnumSignaalpartner) a signal may name, as their wire names.</summary>
public static class SignalPartnerTypes
{
    public static readonly IReadOnlyCollection<string> All =
    [
        "Energie", "Huur", "Hypotheek", "CAK Zorgverzekeringen", "Zorg", "Water", "DUO", "Belastingdienst", "CAK Eigen bijdrage", "Overige", "Dienst Toeslagen",
    ];
}
