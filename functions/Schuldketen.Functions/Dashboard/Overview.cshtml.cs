using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Store.Overview;

namespace Schuldketen.Functions.Dashboard;

/// <summary>The municipality's chain overview: funnel and drop-out per phase, time per phase, statutory deadlines met; each as a chart and a table.</summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class OverviewPage(ChainOverviewReader reader, TimeProvider time) : PageModel
{
    public ChainOverview? Overview { get; private set; }

    public DateOnly Today => time.GetUtcNow().ToDutchDate();

    public BarChart FunnelChart => new("trechter-grafiek", "Aantal trajecten dat elke fase bereikte", "",
        Overview!.Funnel.Select(phase => new Bar(phase.Title, phase.Reached)).ToList());

    public BarChart WaitChart => new("wachttijd-grafiek", "Mediaan van de duur per fase, in dagen", "dagen",
        Overview!.Waits.Where(wait => wait.MedianDays is not null).Select(wait => new Bar(wait.Title, wait.MedianDays!.Value)).ToList());

    public BarChart DeadlineChart => new("termijnen-grafiek", "Wettelijke termijnen gehaald en niet gehaald", "",
        [new Bar("Gehaald", Overview!.Statutory.Met), new Bar("Niet gehaald", Overview.Statutory.Missed)]);

    public BarChart OutreachChart => new("vroegsignalering-grafiek", "Vroegsignalering: van signaal tot aanvaarde hulp", "",
    [
        new Bar("Signalen", Overview!.Outreach.Signals),
        new Bar("Zaken", Overview.Outreach.Cases),
        new Bar("Inwoner bereikt", Overview.Outreach.Reached),
        new Bar("Hulp aanvaard", Overview.Outreach.HelpAccepted),
    ]);

    public BarChart ReachChart => new("bereik-grafiek", "Deel van de zaken bereikt, per soort contactpoging", "procent",
        Overview!.Outreach.PerKind.Select(kind => new Bar(kind.Kind, kind.PercentReached ?? 0)).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = PageSchemes.StaffOf(User)!;
        if (caller.Role != PartnerRole.Municipality)
        {
            return Forbid(PageSchemes.Staff);
        }

        Overview = await reader.ReadAsync(caller.AsSender(), cancellationToken);
        return Overview is null ? NotFound() : Page();
    }
}
