using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Early-warning signals (section <c>Schuldketen:Signals</c>): the upload limit, the connected signal partners
/// (OIN → DDAS type and name), where signals outside every postcode range go, how long signals at one address form
/// one case, and each municipality's thresholds per partner type. Postcode ranges are those of the GP referral.
/// </summary>
public sealed class SignalOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Signals";

    /// <summary>The body limit of <c>POST /api/v1/signals</c> alone; larger is answered 413 before it is read.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>E.g. <c>Schuldketen__Signals__Partners__&lt;OIN&gt;__Type=Huur</c>, <c>__Name=Woonstichting Voorbeeld</c>.</summary>
    public Dictionary<string, SignalPartnerOptions> Partners { get; set; } = [];

    /// <summary>The municipality (OIN) a signal goes to when its postcode is in no configured range.</summary>
    public string? DefaultMunicipality { get; set; }

    public int MatchingMonths { get; set; } = 6;

    /// <summary>Municipality OIN → DDAS partner type → arrears in euros below which a signal is unjustified.</summary>
    public Dictionary<string, Dictionary<string, int>> Thresholds { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (MaxUploadBytes <= 0)
        {
            yield return $"Schuldketen__Signals__MaxUploadBytes is {MaxUploadBytes}: set it to a positive number of bytes (default 104857600, 100 MB).";
        }

        if (MatchingMonths <= 0)
        {
            yield return $"Schuldketen__Signals__MatchingMonths is {MatchingMonths}: set it to a positive number of months (default 6).";
        }

        if (DefaultMunicipality is { } fallback && !OinFormat.IsValid(fallback))
        {
            yield return $"Schuldketen__Signals__DefaultMunicipality is '{fallback}', not an OIN: give the municipality's OIN of 20 digits.";
        }

        foreach (var (oin, partner) in Partners)
        {
            if (!OinFormat.IsValid(oin))
            {
                yield return $"Schuldketen__Signals__Partners__{oin} names '{oin}', not an OIN: name each signal partner by its OIN of 20 digits.";
            }
            else if (!SignalPartnerTypes.All.Contains(partner.Type))
            {
                yield return $"Schuldketen__Signals__Partners__{oin}__Type is '{partner.Type}': set it to a DDAS partner type, one of {string.Join(", ", SignalPartnerTypes.All)}.";
            }
            else if (string.IsNullOrWhiteSpace(partner.Name))
            {
                yield return $"Schuldketen__Signals__Partners__{oin}__Name is empty: set it to the partner's organisation name.";
            }
        }

        foreach (var (municipality, perType) in Thresholds)
        {
            if (!OinFormat.IsValid(municipality))
            {
                yield return $"Schuldketen__Signals__Thresholds__{municipality} names '{municipality}', not an OIN: name each municipality by its OIN of 20 digits.";
                continue;
            }

            foreach (var (type, amount) in perType)
            {
                if (!SignalPartnerTypes.All.Contains(type))
                {
                    yield return $"Schuldketen__Signals__Thresholds__{municipality}__{type} names no DDAS partner type: use one of {string.Join(", ", SignalPartnerTypes.All)}.";
                }
                else if (amount < 0)
                {
                    yield return $"Schuldketen__Signals__Thresholds__{municipality}__{type} is {amount}: set it to zero or more euros.";
                }
            }
        }
    }
}

/// <summary>A connected signal partner: its DDAS type (EnumSignaalpartner) and organisation name.</summary>
public sealed class SignalPartnerOptions
{
    public string Type { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}
