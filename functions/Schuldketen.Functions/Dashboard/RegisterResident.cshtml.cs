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
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The KCC or a wijkteam registers a resident's request for help with the channel it came in by: the same registration as
/// <c>POST /api/v1/trajectories</c>, in the professional's name, the Wgs clock running from now.
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class RegisterResidentPage(
    TrajectoryStore store, SubjectProtector protector, DefinitionLibrary library, IOptions<StoreOptions> options, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Bsn { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? FormId { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IActionResult OnGet()
    {
        if (PageSchemes.StaffOf(User)!.Role != PartnerRole.Municipality)
        {
            return Forbid(PageSchemes.Staff);
        }

        FormId = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var caller = PageSchemes.StaffOf(User)!;
        if (caller.Role != PartnerRole.Municipality)
        {
            return Forbid(PageSchemes.Staff);
        }

        var errors = new Dictionary<string, string>();
        if (!Contracts.Bsn.TryParse(Bsn, out var bsn))
        {
            errors["bsn"] = "Vul een geldig burgerservicenummer in: 9 cijfers die de elfproef halen.";
        }

        if (!Channels.TryParse(Channel, out var channel) || !Channels.Personal.Contains(channel))
        {
            errors["kanaal"] = "Kies via welk kanaal de inwoner zich meldde.";
        }

        if (string.IsNullOrEmpty(FormId) || FormId.Length > 64)
        {
            errors["bsn"] = "Het formulier is verlopen. Vul het opnieuw in.";
            FormId = Guid.NewGuid().ToString("N");
        }

        if (errors.Count > 0)
        {
            // Never shown back: it may be a real BSN with a typo.
            Bsn = null;
            Errors = errors;
            return Page();
        }

        var definitionId = options.Value.MunicipalityDefinitions.GetValueOrDefault(caller.Organisation) ?? options.Value.DefaultDefinition;
        var definition = library.Latest(definitionId) ?? throw new InvalidOperationException($"The configured definition '{definitionId}' is not loaded.");
        var result = await store.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{caller.Organisation}:werkplek",
            $"werkplek-aanmelding:{FormId}",
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            time.GetUtcNow(),
            caller.AsSender(),
            TraceParent: RequestTrace.TraceParent,
            Registration: new Registration(definition.Key, caller.Organisation, protector.Hash(bsn), protector.Encrypt(bsn), Channel: channel)));
        TempData["Melding"] = $"De inwoner is aangemeld (kanaal: {channel.DutchLabel().ToLowerInvariant()}). De wettelijke termijnen lopen vanaf nu.";
        return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(result.TrajectoryId)}");
    }
}
