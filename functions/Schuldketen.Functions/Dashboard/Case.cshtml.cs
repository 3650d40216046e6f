using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Portal;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Routes;
using Schuldketen.Workflows.Store.Intake;
using Schuldketen.Workflows.Store.Projections;
using Schuldketen.Workflows.Store.Signals;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// One case: timeline, partner messages, open deadlines, the routes still open, and a form for each permitted next step that
/// sends its event through the same intake as the API, in the professional's name. Every read is audited.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class CasePage(
    TrajectoryReader reader, EventIntake intake, DeadlineRisk risk, OrganisationNames names, ContactMoments contacts, TrajectorySignals signals,
    TrajectoryEngine engine, RoutePlanner routes, TimeProvider time) : PageModel
{
    /// <summary>
    /// How the resident came in, what they said when registering themselves, and the contact moments so far; none for an
    /// outreach case, whose contact attempts show in its history.
    /// </summary>
    public CaseContacts? Contacts { get; private set; }

    public CaseView? Case { get; private set; }

    /// <summary>The early-warning signals that came in about the resident while this trajectory ran.</summary>
    public IReadOnlyList<LinkedSignal> Signals { get; private set; } = [];

    public TimelineView? Timeline { get; private set; }

    /// <summary>The routes still open to the trajectory, to go through with the resident at the table.</summary>
    public IReadOnlyList<RouteAhead> Routes { get; private set; } = [];

    public IReadOnlyList<HistoryEntryView> History { get; private set; } = [];

    /// <summary>A form for each step the professional's role may take now.</summary>
    public IReadOnlyList<StepForm> Steps { get; private set; } = [];

    /// <summary>The step form the hub just refused, shown again with its messages.</summary>
    private StepForm? refusedStep;

    public OrganisationNames Names => names;

    public RiskLevel RiskOf(DeadlineView deadline) => risk.Of(deadline.DueOn, Today);

    private DateOnly Today => time.GetUtcNow().ToDutchDate();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var sender = PageSchemes.StaffOf(User)!.AsSender();
        if (await reader.ViewAsync(id, sender, RequestTrace.TraceParent, cancellationToken) is not CaseView view)
        {
            return NotFound();
        }

        Case = view;
        Timeline = await reader.TimelineAsync(id, sender, RequestTrace.TraceParent, cancellationToken);
        History = await reader.HistoryAsync(id, sender, RequestTrace.TraceParent, cancellationToken) ?? [];
        Routes = routes.Plan(engine.Library.Get(new DefinitionKey(view.Definition.Id, view.Definition.Version)),
            History.Select(entry => new HistoryEntry(entry.Type, entry.Phase, entry.OccurredAt)).ToList(), Today);
        var next = (await reader.NextEventsAsync(id, sender, RequestTrace.TraceParent, cancellationToken))?.Events ?? [];
        Steps = next.Where(step => EventDataCatalogue.IsPartnerEvent(step.Type))
            .Select(step => step.Type == refusedStep?.Type ? refusedStep : StepForm.Blank(step, time.GetUtcNow()))
            .ToList();
        Contacts = OutreachDefinition.Is(engine.Library.Get(new DefinitionKey(view.Definition.Id, view.Definition.Version)))
            ? null
            : await contacts.OfAsync(id, cancellationToken);
        Signals = await signals.OfAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>
    /// A step's form, sent through the same intake as the API in the professional's name. Fields the hub refuses are shown
    /// at the field and in a summary above the form, with what was filled in.
    /// </summary>
    public async Task<IActionResult> OnPostStepAsync(string id, [FromForm] string type, CancellationToken cancellationToken)
    {
        if (!EventDataCatalogue.IsPartnerEvent(type))
        {
            return BadRequest();
        }

        var caller = PageSchemes.StaffOf(User)!;
        var fields = EventDataCatalogue.Fields(type);
        var values = fields.ToDictionary(field => field.Name, field => Request.Form[field.Name].ToString().Trim());
        var result = await intake.AcceptAsync(
            WorkplaceEvents.CloudEvent(type, id, caller.Organisation, time.GetUtcNow(), StepData.From(fields, values)), caller.AsSender(),
            RequestTrace.TraceParent);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        var refused = DataFieldsOf(result.Problem);
        if (result.Problem is null || refused.Count == 0)
        {
            TempData[result.Problem is null ? "Melding" : "Fout"] = result.Problem is null
                ? $"Vastgelegd: {EventCatalogue.Find(type)?.Description ?? type}."
                : "Deze stap kon niet worden vastgelegd. Het traject is intussen misschien veranderd; bekijk de volgende stappen opnieuw.";
            return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}");
        }

        refusedStep = StepForm.Refused(type, values, refused);
        return await OnGetAsync(id, cancellationToken);
    }

    /// <summary>The data members a refusal names (<c>data/…</c>).</summary>
    private static IReadOnlyList<string> DataFieldsOf(IntakeProblem? problem) =>
        problem?.Fields?.Select(field => field.Name).Where(name => name.StartsWith("data/", StringComparison.Ordinal))
            .Select(name => name["data/".Length..]).ToList() ?? [];
}
