using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Conversations;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Functions.Portal;

/// <summary>"Wie heeft mijn gegevens bekeken": the audit entries about the resident's trajectory, by others than the resident.</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentProcessingPage(ResidentReader reader, OrganisationNames names) : PageModel
{
    public string Id { get; private set; } = "";

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public OrganisationNames Names => names;

    /// <summary>The purpose of a processing activity, as the resident reads it.</summary>
    public static string Purpose(string activity) => activity switch
    {
        "traject-registreren" => "uw aanmelding vastgelegd",
        "traject-bijwerken" => "uw traject bijgewerkt",
        "traject-migreren" => "uw traject overgezet naar een nieuwe werkwijze",
        "traject-inzien" => "uw traject bekeken",
        "traject-zoeken" => "uw traject gezien in een lijst",
        "geschiedenis-inzien" => "de geschiedenis van uw traject bekeken",
        "tijdlijn-inzien" => "de planning van uw traject bekeken",
        "vervolgstappen-inzien" => "bekeken wat de volgende stap kan zijn",
        ConversationActivities.Read => "uw berichten gelezen",
        ConversationActivities.Write => "u een bericht gestuurd",
        ConversationActivities.Download => "een bestand bekeken dat u hebt ingeleverd",
        _ => "uw gegevens gebruikt",
    };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var view = await reader.ReadAsync(id, PageSchemes.SubjectOf(User)!, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Id = id;
        Entries = view.ProcessedByOthers;
        return Page();
    }
}
