using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store.Outreach;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The municipality's outreach worklist: its open outreach cases, crisis first, then the oldest, then the largest amount,
/// with the contact attempts so far and how to reach the resident, a page at a time. Each case shown is an audited read.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class OutreachWorklistPage(OutreachWorklist worklist, DefinitionLibrary library) : PageModel
{
    public const int PageSize = 25;
    private const int LastPage = 10_000;

    [BindProperty(SupportsGet = true)]
    public int Pagina { get; set; } = 1;

    public bool HasNext { get; private set; }

    public IReadOnlyList<WorklistCase> Cases { get; private set; } = [];

    /// <summary>The Dutch title of an outreach case's phase.</summary>
    public string PhaseTitle(WorklistCase outreach) =>
        library.All.SelectMany(definition => definition.Phases).FirstOrDefault(phase => phase.Id == outreach.Phase)?.Title ?? outreach.Phase;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = PageSchemes.StaffOf(User)!;
        if (caller.Role != PartnerRole.Municipality)
        {
            return Forbid(PageSchemes.Staff);
        }

        Pagina = Math.Clamp(Pagina, 1, LastPage);
        var page = await worklist.PageAsync(caller.AsSender(), Pagina, PageSize, RequestTrace.TraceParent, cancellationToken);
        Cases = page.Cases;
        HasNext = page.HasMore;
        return Page();
    }

    /// <summary>The link to another page of the worklist.</summary>
    public static string PageLink(int page) => $"/werkplek/vroegsignalering?pagina={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
