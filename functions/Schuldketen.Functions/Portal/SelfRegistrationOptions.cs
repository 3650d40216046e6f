using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// Residents who register themselves at <c>/aanmelden</c> (section <c>Schuldketen:Aanmelden</c>): the municipality that
/// receives those registrations. Without one the page says registering online is not possible yet; the demo sets the demo municipality.
/// </summary>
public sealed class SelfRegistrationOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Aanmelden";

    /// <summary>The OIN of the municipality that receives the registrations.</summary>
    public string? Municipality { get; set; }

    public IEnumerable<string> Problems()
    {
        if (Municipality is not null && !OinFormat.IsValid(Municipality))
        {
            yield return $"Schuldketen__Aanmelden__Municipality is '{Municipality}', not an OIN: give the municipality's OIN of 20 digits.";
        }
    }
}
