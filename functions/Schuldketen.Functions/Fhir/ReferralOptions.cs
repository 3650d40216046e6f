using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// Where GP referrals go when the GP names no municipality (section <c>Schuldketen:Referrals</c>):
/// postcode ranges per municipality, else each GP organisation's default municipality.
/// </summary>
public sealed class ReferralOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Referrals";

    /// <summary>E.g. <c>Schuldketen__Referrals__PostcodeRanges__0__From=3500</c>, <c>__To=3585</c>, <c>__Municipality=&lt;OIN&gt;</c>.</summary>
    public List<PostcodeRangeOptions> PostcodeRanges { get; set; } = [];

    /// <summary>GP organisation OIN → municipality OIN.</summary>
    public Dictionary<string, string> DefaultMunicipalities { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        for (var index = 0; index < PostcodeRanges.Count; index++)
        {
            if (!OinFormat.IsValid(PostcodeRanges[index].Municipality))
            {
                yield return $"Schuldketen__Referrals__PostcodeRanges__{index}__Municipality is '{PostcodeRanges[index].Municipality}', not an OIN: "
                             + "give the municipality's OIN of 20 digits.";
            }
        }

        foreach (var (practice, municipality) in DefaultMunicipalities)
        {
            if (!OinFormat.IsValid(practice))
            {
                yield return $"Schuldketen__Referrals__DefaultMunicipalities__{practice} names '{practice}', not an OIN: name each GP organisation by its OIN of 20 digits.";
            }
            else if (!OinFormat.IsValid(municipality))
            {
                yield return $"Schuldketen__Referrals__DefaultMunicipalities__{practice} is '{municipality}', not an OIN: give the municipality's OIN of 20 digits.";
            }
        }
    }
}

public sealed class PostcodeRangeOptions
{
    public int From { get; set; }

    public int To { get; set; }

    public string Municipality { get; set; } = string.Empty;
}
