using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store.Conversations;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// The resident's conversation with their contact person (and the municipality) about one trajectory: the messages, and
/// a form to write one and hand in a file. The organisations see the new message marked on their case.
/// </summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
[AcceptsAttachment]
public sealed class ResidentConversationPage(
    ConversationStore conversations, OrganisationNames names, IOptions<ConversationOptions> options, ILogger<ResidentConversationPage> logger)
    : PageModel, IConversationPage
{
    [BindProperty]
    public ConversationForm Form { get; set; } = new();

    public string Id { get; private set; } = "";

    public StoredParticipant? Contact { get; private set; }

    public OrganisationNames Names => names;

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public bool Closed { get; private set; }

    public string? Text => Form.Text;

    public string? TextProblem { get; private set; }

    public string? FileProblem { get; private set; }

    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    public string WriterOf(StoredMessage message) =>
        message.FromResident ? "U" : $"{message.Name ?? "Een medewerker"} van {names.Of(message.Organisation!)}";

    public string DownloadLink(StoredAttachment attachment) => $"/mijn-schuldhulp/traject/{Uri.EscapeDataString(Id)}/bijlage/{attachment.Id}";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var result = await conversations.WriteAsync(id, Member, Form.Text, await Form.AttachmentAsync(cancellationToken),
            options.Value.MaxAttachmentBytes, RequestTrace.TraceParent, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Message is { } message)
        {
            logger.LogInformation("Message {MessageId} written by the resident, with {Files} file(s)", message.Id, message.Attachments.Count);
            TempData["Melding"] = message.Attachments.Count > 0 ? "Uw bericht en uw bestand zijn verstuurd." : "Uw bericht is verstuurd.";
            return LocalRedirect($"/mijn-schuldhulp/traject/{Uri.EscapeDataString(id)}/gesprek");
        }

        TextProblem = result.TextProblem;
        FileProblem = result.FileProblem;
        return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private ConversationMember Member => new ConversationMember.Resident(PageSchemes.SubjectOf(User)!);

    private async Task<bool> ShowAsync(string id, CancellationToken cancellationToken)
    {
        if (await conversations.ReadAsync(id, Member, RequestTrace.TraceParent, cancellationToken) is not { } conversation)
        {
            return false;
        }

        Id = id;
        Contact = ContactPerson.Of(conversation.Participants);
        Messages = conversation.Messages;
        Closed = conversation.Closed;
        return true;
    }
}
