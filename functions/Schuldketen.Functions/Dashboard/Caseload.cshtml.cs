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
using Schuldketen.Workflows.Store.Conversations;
using Schuldketen.Workflows.Store.Projections;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The caseload: a counsellor's own trajectories (the municipality's team sees all of its own), the cases at risk first
/// (the earliest running deadline first, so overdue ones lead), with phase, next deadline and risk, filtered by phase and
/// risk in the query, a page at a time. Every trajectory shown is an audited read; those on other pages are not read.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class CaseloadPage(
    TrajectoryReader reader, DeadlineRisk risk, DefinitionLibrary library, ConversationStore conversations, TimeProvider time) : PageModel
{
    public const int PageSize = 25;
    private const int LastPage = 10_000;

    [BindProperty(SupportsGet = true)]
    public string? Fase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risico { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Pagina { get; set; } = 1;

    public bool IsTeam { get; private set; }

    public bool HasNext { get; private set; }

    public IReadOnlyList<Phase> Phases => library.All.SelectMany(definition => definition.Phases).DistinctBy(phase => phase.Id).ToList();

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    /// <summary>How many messages in the conversation with the resident the caller's organisation has not read, per case on the page that has any.</summary>
    public IReadOnlyDictionary<string, int> Unread { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = PageSchemes.StaffOf(User)!;
        IsTeam = caller.Role == PartnerRole.Municipality;
        Pagina = Math.Clamp(Pagina, 1, LastPage);
        var today = time.GetUtcNow().ToDutchDate();
        var dueBy = Risico switch
        {
            "risico" => risk.NearBy(today),
            "voorbij" => DeadlineRisk.PassedBy(today),
            _ => (DateOnly?)null,
        };
        var query = new TrajectoryQuery(caller.Organisation, string.IsNullOrEmpty(Fase) ? null : Fase, dueBy, Pagina, PageSize,
            IsTeam ? null : caller.Person) { Order = TrajectoryOrder.EarliestDeadlineFirst };
        var page = await reader.PageAsync(query, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        HasNext = page.HasMore;
        Rows = page.Items.OfType<CaseView>()
            .Select(view => new CaseRow(view.Id, view.Phase.Title, view.OpenDeadlines.MinBy(deadline => deadline.DueOn),
                risk.Worst(view.OpenDeadlines.Select(deadline => deadline.DueOn), today)))
            .ToList();
        Unread = await conversations.UnreadAsync(caller.Organisation, Rows.Select(row => row.Id).ToList(), cancellationToken);
    }

    /// <summary>The link to another page of the same filter.</summary>
    public string PageLink(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/werkplek", new Dictionary<string, string?>
        {
            ["fase"] = Fase,
            ["risico"] = Risico,
            ["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(pair => !string.IsNullOrEmpty(pair.Value)));
}
