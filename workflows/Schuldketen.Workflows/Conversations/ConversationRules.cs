using Schuldketen.Contracts;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Conversations;

/// <summary>
/// Who may take part in a trajectory's conversation and what a message may hold. The resident writes with their contact
/// person: the debt counsellor's organisation, and the municipality, which stays responsible for the help. Other
/// organisations in the trajectory (creditors, the court, a GP) never read or write it.
/// </summary>
public static class ConversationRules
{
    public const int MaxText = 4000;

    public static bool MayTakePart(ConversationMember member, TrajectoryRecord trajectory, IReadOnlyList<StoredParticipant> participants) => member switch
    {
        ConversationMember.Resident resident => trajectory.SubjectHash is { } subject && subject == resident.SubjectHash,
        ConversationMember.Professional professional => professional.Role is PartnerRole.Municipality or PartnerRole.DebtCounsellor
            && participants.Any(participant => participant.Organisation == professional.Organisation && participant.Role == professional.Role.WireName()),
        _ => false,
    };

    /// <summary>What is wrong with a message before it is sent, in plain Dutch; none when it may go.</summary>
    public static string? ProblemWith(string? text, bool hasAttachment)
    {
        if (string.IsNullOrWhiteSpace(text) && !hasAttachment)
        {
            return "Schrijf een bericht of voeg een bestand toe.";
        }

        return text is { Length: > MaxText } ? $"Uw bericht is te lang. Gebruik hoogstens {MaxText} tekens." : null;
    }
}
