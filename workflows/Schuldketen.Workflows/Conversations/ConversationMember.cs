using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Conversations;

/// <summary>
/// Who reads or writes in a conversation: the resident (known by the keyed hash of their BSN) or a professional of an
/// organisation, with the name the resident reads above their messages.
/// </summary>
public abstract record ConversationMember
{
    private ConversationMember()
    {
    }

    public sealed record Resident(string SubjectHash) : ConversationMember;

    public sealed record Professional(string Organisation, PartnerRole Role, string Person, string Name) : ConversationMember;
}
