using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Routes;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Functions.Portal;

/// <summary>One of the resident's trajectories: what to do now, the steps with their dates, what can still happen, and what happened.</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentTrajectoryPage(ResidentReader reader, OrganisationNames names, RoutePlanner routes, TimeProvider time) : PageModel
{
    public ResidentTrajectory? View { get; private set; }

    /// <summary>The ways the trajectory can still go, with the dates each is expected to take.</summary>
    public IReadOnlyList<RouteAhead> Routes { get; private set; } = [];

    public OrganisationNames Names => names;

    public string Describe(StoredHistoryEntry entry) => EventCatalogue.Find(entry.EventType)?.Description ?? "Er is iets veranderd";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        View = await reader.ReadAsync(id, PageSchemes.SubjectOf(User)!, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        Routes = routes.Plan(View.Definition, View.History.Select(entry => entry.ToTimelineEntry()).ToList(), time.GetUtcNow().ToDutchDate());
        return Page();
    }
}
