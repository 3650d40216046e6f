using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
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
    : ConversationPageModel(conversations, options)
{
    public StoredParticipant? Contact { get; private set; }

    public OrganisationNames Names => names;

    protected override ConversationMember Member => new ConversationMember.Resident(PageSchemes.SubjectOf(User)!);

    public override string WriterOf(StoredMessage message) =>
        message.FromResident ? "U" : $"{message.Name ?? "Een medewerker"} van {names.Of(message.Organisation!)}";

    protected override string TrajectoryPage(string id) => $"/mijn-schuldhulp/traject/{Uri.EscapeDataString(id)}";

    protected override Task<string> WrittenAsync(string id, WriteResult result, StoredMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Message {MessageId} written by the resident, with {Files} file(s)", message.Id, message.Attachments.Count);
        return Task.FromResult(message.Attachments.Count > 0 ? "Uw bericht en uw bestand zijn verstuurd." : "Uw bericht is verstuurd.");
    }

    protected override void Shown(Conversation conversation) => Contact = ContactPerson.Of(conversation.Participants);
}
