using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
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
/// One case: timeline, partner messages, open deadlines, the routes still open, and the permitted next steps as buttons that
/// send the event through the same intake as the API, in the professional's name. Every read is audited.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class CasePage(
    TrajectoryReader reader, EventIntake intake, DeadlineRisk risk, OrganisationNames names, ContactMoments contacts, TrajectorySignals signals,
    TrajectoryEngine engine, RoutePlanner routes, TimeProvider time) : PageModel
{
    /// <summary>
    /// How the resident came in, what they said when registering themselves, and the contact moments so far; none for an
    /// outreach case, whose contact attempts have their own form.
    /// </summary>
    public CaseContacts? Contacts { get; private set; }

    public CaseView? Case { get; private set; }

    /// <summary>The early-warning signals that came in about the resident while this trajectory ran.</summary>
    public IReadOnlyList<LinkedSignal> Signals { get; private set; } = [];

    public TimelineView? Timeline { get; private set; }

    /// <summary>The routes still open to the trajectory, to go through with the resident at the table.</summary>
    public IReadOnlyList<RouteAhead> Routes { get; private set; } = [];

    public IReadOnlyList<HistoryEntryView> History { get; private set; } = [];

    public IReadOnlyList<NextEventView> OneClickSteps { get; private set; } = [];

    public IReadOnlyList<NextEventView> OtherSteps { get; private set; } = [];

    /// <summary>Whether this is an outreach case where a contact attempt may be recorded now.</summary>
    public bool CanRecordAttempt { get; private set; }

    public bool CanClose { get; private set; }

    /// <summary>The Dutch message for a field of the outreach forms, if the last post refused it.</summary>
    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public OrganisationNames Names => names;

    public DateOnly Today => time.GetUtcNow().ToDutchDate();

    public RiskLevel RiskOf(DeadlineView deadline) => risk.Of(deadline.DueOn, time.GetUtcNow().ToDutchDate());

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
        OneClickSteps = next.Where(step => CounsellorSteps.IsOneClick(step.Type)).ToList();
        CanRecordAttempt = next.Any(step => step.Type == EventTypes.ContactAttempted);
        CanClose = next.Any(step => step.Type == EventTypes.OutreachClosed);
        // Contact moments, contact attempts and closing an outreach case have forms of their own.
        OtherSteps = next.Where(step => !CounsellorSteps.IsOneClick(step.Type)
                && step.Type is not (EventTypes.ContactAttempted or EventTypes.OutreachClosed or EventTypes.ContactMomentRecorded))
            .ToList();
        Contacts = OutreachDefinition.Is(engine.Library.Get(new DefinitionKey(view.Definition.Id, view.Definition.Version)))
            ? null
            : await contacts.OfAsync(id, cancellationToken);
        Signals = await signals.OfAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(string id, [FromForm] ContactMomentForm contact)
    {
        var caller = PageSchemes.StaffOf(User)!;
        var now = time.GetUtcNow();
        if (contact.ToData(now) is not { } data)
        {
            TempData["Fout"] = "Het contactmoment is niet vastgelegd. Kies een kanaal, vul een onderwerp in (hoogstens 200 tekens) en geef aan of u de inwoner sprak.";
            return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}#contact");
        }

        var result = await intake.AcceptAsync(
            CounsellorSteps.CloudEvent(EventTypes.ContactMomentRecorded, id, caller.Organisation, now, data), caller.AsSender(), RequestTrace.TraceParent);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        TempData[result.Problem is null ? "Melding" : "Fout"] = result.Problem is null
            ? "Het contactmoment is vastgelegd."
            : "Het contactmoment kon niet worden vastgelegd. Is het traject intussen afgesloten?";
        return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}#contact");
    }

    public async Task<IActionResult> OnPostAttemptAsync(
        string id, [FromForm] string? soort, [FromForm] string? bereikt, [FromForm] string? datum, [FromForm] string? dagdeel, CancellationToken cancellationToken)
    {
        var (data, missing) = OutreachForms.Attempt(soort, bereikt, datum, dagdeel);
        return await SendAsync(id, EventTypes.ContactAttempted, data, missing, "De contactpoging is vastgelegd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, [FromForm] string? eindresultaat, [FromForm] string? note, CancellationToken cancellationToken)
    {
        var (data, missing) = OutreachForms.Close(eindresultaat, note);
        return await SendAsync(id, EventTypes.OutreachClosed, data, missing, "De vroegsignalering is afgesloten.", cancellationToken);
    }

    /// <summary>Sends a form's event through the intake; a field the hub refuses is shown at that field, on the same page.</summary>
    private async Task<IActionResult> SendAsync(
        string id, string type, JsonObject? data, IReadOnlyList<string> missing, string done, CancellationToken cancellationToken)
    {
        var caller = PageSchemes.StaffOf(User)!;
        var refused = missing;
        if (data is not null)
        {
            var result = await intake.AcceptAsync(
                CounsellorSteps.CloudEvent(type, id, caller.Organisation, time.GetUtcNow(), data), caller.AsSender(), RequestTrace.TraceParent);
            if (result.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            if (result.Problem is null)
            {
                TempData["Melding"] = done;
                return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}");
            }

            refused = result.Problem.Fields?.Select(field => field.Name).Where(name => name.StartsWith("data/", StringComparison.Ordinal))
                .Select(name => name["data/".Length..]).ToList() ?? [];
            if (refused.Count == 0)
            {
                TempData["Fout"] = "Dit kon niet worden vastgelegd. De zaak is intussen misschien veranderd; bekijk de volgende stappen opnieuw.";
                return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}");
            }
        }

        foreach (var field in refused)
        {
            ModelState.AddModelError(field, OutreachForms.MessageFor(field));
        }

        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostStepAsync(string id, [FromForm] string type)
    {
        var caller = PageSchemes.StaffOf(User)!;
        var now = time.GetUtcNow();
        if (CounsellorSteps.DataFor(type, now) is not { } data)
        {
            return BadRequest();
        }

        var result = await intake.AcceptAsync(CounsellorSteps.CloudEvent(type, id, caller.Organisation, now, data), caller.AsSender(), RequestTrace.TraceParent);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        TempData[result.Problem is null ? "Melding" : "Fout"] = result.Problem is null
            ? "De stap is vastgelegd."
            : "Deze stap kon niet worden vastgelegd. Het traject is intussen misschien veranderd; bekijk de volgende stappen opnieuw.";
        return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}");
    }
}
