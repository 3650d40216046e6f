using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Projections;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The caseload: a counsellor's own trajectories (the municipality's team sees all of its own), with
/// phase, next deadline and risk, filtered by phase and risk. Every trajectory listed is an audited read.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class CaseloadPage(TrajectoryReader reader, DeadlineRisk risk, DefinitionLibrary library, TimeProvider time) : PageModel
{
    private const int MaxCases = 500;

    [BindProperty(SupportsGet = true)]
    public string? Fase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risico { get; set; }

    public bool IsTeam { get; private set; }

    public IReadOnlyList<Phase> Phases => library.All.SelectMany(definition => definition.Phases).DistinctBy(phase => phase.Id).ToList();

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = PageSchemes.StaffOf(User)!;
        IsTeam = caller.Role == PartnerRole.Municipality;
        var phase = string.IsNullOrEmpty(Fase) ? null : Fase;
        var page = await reader.ListAsync(
            new TrajectoryQuery(caller.Organisation, phase, PageSize: MaxCases, Contact: IsTeam ? null : caller.Person),
            caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        var today = time.GetUtcNow().ToDutchDate();
        Rows = page.Items.OfType<CaseView>()
            .Select(view => new CaseRow(view.Id, view.Phase.Title, view.OpenDeadlines.MinBy(deadline => deadline.DueOn),
                risk.Worst(view.OpenDeadlines.Select(deadline => deadline.DueOn), today)))
            .Where(row => Risico switch
            {
                "risico" => row.Risk != RiskLevel.None,
                "voorbij" => row.Risk == RiskLevel.Passed,
                _ => true,
            })
            .OrderByDescending(row => row.Risk)
            .ThenBy(row => row.Next?.DueOn ?? DateOnly.MaxValue)
            .ThenBy(row => row.Id, StringComparer.Ordinal)
            .ToList();
    }
}
