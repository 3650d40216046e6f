using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Functions.Portal;

/// <summary>The resident's own trajectories.</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentHomePage(ResidentReader reader, DefinitionLibrary library) : PageModel
{
    public IReadOnlyList<TrajectoryRecord> Trajectories { get; private set; } = [];

    public string PhaseTitle(TrajectoryRecord trajectory) => library.Get(trajectory.Definition).Phase(trajectory.Phase).Title;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trajectories = await reader.MineAsync(PageSchemes.SubjectOf(User)!, cancellationToken);
}
