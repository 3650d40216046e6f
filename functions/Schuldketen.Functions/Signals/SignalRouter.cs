using Schuldketen.Contracts;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Who may send signals and where they go. A connected partner (its OIN configured with a DDAS type) sends its own
/// signals, which go to the municipality of the resident's postcode, or the default municipality outside every range. A
/// municipality uploads its platform's export, with the partner per row; those signals are its own residents'.
/// </summary>
public sealed class SignalRouter(PostcodeRouting routing, IReadOnlyDictionary<string, SignalPartner> partners, string? defaultMunicipality)
{
    /// <summary>The partner the caller's token stands for, or null when the caller is a municipality; false when it may not send signals.</summary>
    public bool TryCaller(string organisation, PartnerRole role, out SignalPartner? partner)
    {
        partner = role == PartnerRole.SignalPartner ? partners.GetValueOrDefault(organisation) : null;
        return partner is not null || role == PartnerRole.Municipality;
    }

    public string? MunicipalityOf(Vroegsignaal signal, string caller, SignalPartner? tokenPartner) =>
        tokenPartner is null ? caller : routing.Route(signal.Resident.Postcode, caller) ?? defaultMunicipality;
}
