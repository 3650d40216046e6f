using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Registrations;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// A resident asks for debt help: only how to reach them is required, the rest is optional and no documents are asked.
/// Submitting registers the Wgs trajectory with channel <c>website</c> (the clock runs from that moment) and shows the
/// resident the dates that follow on their trajectory page.
/// </summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class RegisterPage(
    TrajectoryStore store,
    SelfRegistrationStore answers,
    ResidentReader residents,
    DefinitionLibrary library,
    HubIdentity hub,
    IOptions<SelfRegistrationOptions> registration,
    IOptions<StoreOptions> storeOptions,
    TimeProvider time) : PageModel
{
    public const int MaxSituation = 1000;

    [BindProperty]
    public SelfRegistrationForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The resident's trajectory that is still running, if any: then there is nothing to register.</summary>
    public string? OpenTrajectory { get; private set; }

    public bool Possible => registration.Value.Municipality is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OpenTrajectory = await OpenTrajectoryAsync(cancellationToken);
        Form = new SelfRegistrationForm { Request = Guid.NewGuid().ToString("N") };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (registration.Value.Municipality is not { } municipality || PageSchemes.SubjectCipherOf(User) is not { } cipher)
        {
            return NotFound();
        }

        OpenTrajectory = await OpenTrajectoryAsync(cancellationToken);
        Errors = Form.Problems();
        if (OpenTrajectory is not null || Errors.Count > 0)
        {
            return Page();
        }

        var definitionId = storeOptions.Value.MunicipalityDefinitions.GetValueOrDefault(municipality) ?? storeOptions.Value.DefaultDefinition;
        var definition = library.Latest(definitionId) ?? throw new InvalidOperationException($"The configured definition '{definitionId}' is not loaded.");
        var result = await store.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{hub.Oin}:aanmelden",
            // A form sent twice (a double click, a reload) registers once: its id was made when the form was shown.
            $"aanmelden:{Form.Request}",
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            time.GetUtcNow(),
            new Sender(hub.Oin, PartnerRole.Hub),
            TraceParent: RequestTrace.TraceParent,
            Registration: new Registration(definition.Key, municipality, PageSchemes.SubjectOf(User), cipher, Channel: Channel.Website)));
        await answers.SaveAsync(result.TrajectoryId, Form.ToAnswers(), cancellationToken);
        TempData["Melding"] = "Uw aanvraag is ontvangen. Hieronder ziet u wat er nu gebeurt en wanneer.";
        return LocalRedirect($"/mijn-schuldhulp/traject/{Uri.EscapeDataString(result.TrajectoryId)}");
    }

    private async Task<string?> OpenTrajectoryAsync(CancellationToken cancellationToken) =>
        (await residents.MineAsync(PageSchemes.SubjectOf(User)!, cancellationToken))
        .FirstOrDefault(trajectory => !library.Get(trajectory.Definition).Phase(trajectory.Phase).Terminal)?.Id;
}
