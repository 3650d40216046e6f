using Microsoft.Extensions.Options;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Portal;

/// <summary>The name a person reads for an organisation's OIN: the hub itself, a demo organisation (with the demo on), else the OIN.</summary>
public sealed class OrganisationNames(HubIdentity hub, IOptions<DemoOptions> demo)
{
    public string Of(string oin) =>
        oin == hub.Oin ? "Schuldketen (automatisch)"
        : Known.FirstOrDefault(organisation => organisation.Oin == oin)?.Name ?? $"Organisatie met OIN {oin}";

    private IReadOnlyList<DemoOrganisation> Known => demo.Value.DemoData ? DemoOrganisations.All : [];
}
