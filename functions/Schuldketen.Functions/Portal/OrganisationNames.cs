using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Portal;

/// <summary>The name a person reads for an organisation's OIN: the hub itself, a known organisation, else the OIN.</summary>
public sealed class OrganisationNames(HubIdentity hub)
{
    public string Of(string oin) =>
        oin == hub.Oin ? "Schuldketen (automatisch)"
        : DemoOrganisations.All.FirstOrDefault(organisation => organisation.Oin == oin)?.Name ?? $"Organisatie met OIN {oin}";
}
