using Schuldketen.Contracts;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Residents;

/// <summary>The resident's contact person in a trajectory: the debt counsellor once one is assigned, before that the municipality.</summary>
public static class ContactPerson
{
    public static StoredParticipant? Of(IReadOnlyList<StoredParticipant> participants) =>
        participants.FirstOrDefault(participant => participant.Role == PartnerRole.DebtCounsellor.WireName())
        ?? participants.FirstOrDefault(participant => participant.Role == PartnerRole.Municipality.WireName());
}
