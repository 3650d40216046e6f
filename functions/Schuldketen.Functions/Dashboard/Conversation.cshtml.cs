using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
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
    ILogger<StaffConversationPage> logger) : ConversationPageModel(conversations, options)
{
    protected override ConversationMember Member => StaffMember.Of(User);

    public override string WriterOf(StoredMessage message) =>
        message.FromResident ? "De inwoner" : $"{message.Name ?? message.Person}, {names.Of(message.Organisation!)}";

    protected override string TrajectoryPage(string id) => $"/werkplek/traject/{Uri.EscapeDataString(id)}";

    protected override async Task<string> WrittenAsync(string id, WriteResult result, StoredMessage message, CancellationToken cancellationToken)
    {
        var writer = StaffMember.Of(User);
        logger.LogInformation("Message {MessageId} written by {Organisation}, with {Files} file(s)", message.Id, writer.Organisation, message.Attachments.Count);
        if (result.Trajectory.SubjectHash is { } subject)
        {
            await notifier.NotifyAsync(subject, MessageNotice.For(id, message.Id, $"{writer.Name} van {names.Of(writer.Organisation)}", message.Text,
                message.Attachments.Count > 0, message.WrittenAt), cancellationToken);
        }

        return "Uw bericht is verstuurd. De inwoner krijgt een melding.";
    }
}
