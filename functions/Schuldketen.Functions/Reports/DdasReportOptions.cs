using System.Text.RegularExpressions;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Reports;

/// <summary>
/// What a DDAS delivery to CBS names besides its data (section <c>Schuldketen:Reports:Ddas</c>): the code of the
/// supplier that delivers it, and each municipality's CBS code (gemeentecode) by its OIN.
/// </summary>
public sealed partial class DdasReportOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Reports:Ddas";

    /// <summary><c>Schuldketen__Reports__Ddas__SupplierCode</c>: codeGegevensleverancier, the code CBS knows the delivering party by.</summary>
    public string SupplierCode { get; set; } = "schuldketen";

    /// <summary>Municipality OIN → CBS gemeentecode, e.g. <c>Schuldketen__Reports__Ddas__MunicipalityCodes__&lt;OIN&gt;=GM0599</c>.</summary>
    public Dictionary<string, string> MunicipalityCodes { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(SupplierCode))
        {
            yield return "Schuldketen__Reports__Ddas__SupplierCode is empty: give the code CBS knows the delivering party by.";
        }

        foreach (var (municipality, code) in MunicipalityCodes)
        {
            if (!OinFormat.IsValid(municipality))
            {
                yield return $"Schuldketen__Reports__Ddas__MunicipalityCodes__{municipality} names '{municipality}', not an OIN: name each municipality by its OIN of 20 digits.";
            }
            else if (!MunicipalityCode().IsMatch(code))
            {
                yield return $"Schuldketen__Reports__Ddas__MunicipalityCodes__{municipality} is '{code}': give the CBS gemeentecode, GM and four digits (e.g. GM0599).";
            }
        }
    }

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityCode();
}
