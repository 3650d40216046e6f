using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Functions.Portal;

/// <summary>One of the resident's trajectories: what to do now, the steps with their dates, and what happened.</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentTrajectoryPage(ResidentReader reader, OrganisationNames names) : PageModel
{
    public ResidentTrajectory? View { get; private set; }

    public OrganisationNames Names => names;

    public string Describe(StoredHistoryEntry entry) => EventCatalogue.Find(entry.EventType)?.Description ?? "Er is iets veranderd";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        View = await reader.ReadAsync(id, PageSchemes.SubjectOf(User)!, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
