using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Portal;
using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The professional's side of a trajectory's conversation with the resident: reading marks the messages read for their
/// organisation; writing sends the resident a notice (with every BSN-like number in it hidden).
/// </summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
[AcceptsAttachment]
public sealed class StaffConversationPage(
    ConversationStore conversations, INotifier notifier, OrganisationNames names, IOptions<ConversationOptions> options,
    ILogger<StaffConversationPage> logger) : PageModel, IConversationPage
{
    [BindProperty]
    public ConversationForm Form { get; set; } = new();

    public string Id { get; private set; } = "";

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public bool Closed { get; private set; }

    public string? Text => Form.Text;

    public string? TextProblem { get; private set; }

    public string? FileProblem { get; private set; }

    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    public string WriterOf(StoredMessage message) =>
        message.FromResident ? "De inwoner" : $"{message.Name ?? message.Person}, {names.Of(message.Organisation!)}";

    public string DownloadLink(StoredAttachment attachment) => $"/werkplek/traject/{Uri.EscapeDataString(Id)}/bijlage/{attachment.Id}";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var writer = StaffMember.Of(User);
        var result = await conversations.WriteAsync(id, writer, Form.Text, await Form.AttachmentAsync(cancellationToken),
            options.Value.MaxAttachmentBytes, RequestTrace.TraceParent, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (result is { Message: { } message, Trajectory.SubjectHash: var subject })
        {
            logger.LogInformation("Message {MessageId} written by {Organisation}, with {Files} file(s)", message.Id, writer.Organisation, message.Attachments.Count);
            if (subject is not null)
            {
                await notifier.NotifyAsync(subject, MessageNotice.For(id, message.Id, $"{writer.Name} van {names.Of(writer.Organisation)}", message.Text,
                    message.Attachments.Count > 0, message.WrittenAt), cancellationToken);
            }

            TempData["Melding"] = "Uw bericht is verstuurd. De inwoner krijgt een melding.";
            return LocalRedirect($"/werkplek/traject/{Uri.EscapeDataString(id)}/gesprek");
        }

        TextProblem = result.TextProblem;
        FileProblem = result.FileProblem;
        return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync(string id, CancellationToken cancellationToken)
    {
        if (await conversations.ReadAsync(id, StaffMember.Of(User), RequestTrace.TraceParent, cancellationToken) is not { } conversation)
        {
            return false;
        }

        Id = id;
        Messages = conversation.Messages;
        Closed = conversation.Closed;
        return true;
    }
}
