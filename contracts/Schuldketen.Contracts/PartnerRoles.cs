using System.Collections.Frozen;

namespace Schuldketen.Contracts;

/// <summary>
/// The wire names of the roles, as they appear in tokens, definitions and the API.
/// Dutch, because the chain's partners speak of themselves in Dutch.
/// </summary>
public static class PartnerRoles
{
    private static readonly FrozenDictionary<PartnerRole, string> Names = new Dictionary<PartnerRole, string>
    {
        [PartnerRole.Municipality] = "gemeente",
        [PartnerRole.DebtCounsellor] = "schuldhulpverlener",
        [PartnerRole.Creditor] = "schuldeiser",
        [PartnerRole.Court] = "rechtbank",
        [PartnerRole.Administrator] = "bewindvoerder",
        [PartnerRole.GeneralPractitioner] = "huisarts",
        [PartnerRole.SignalPartner] = "signaalpartner",
        [PartnerRole.Hub] = "hub",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PartnerRole> ByName =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IEnumerable<PartnerRole> All => Names.Keys;

    public static string WireName(this PartnerRole role) => Names[role];

    public static bool TryParse(string name, out PartnerRole role) => ByName.TryGetValue(name, out role);
}
