using Schuldketen.Contracts.Events;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>
/// A signal that opens or joins a household's outreach case: the municipality it was routed to, the keyed
/// hash of the household's address (<see cref="HouseholdKey"/>), the signal's non-personal facts, when the
/// hub received it, and the matching period in months. <see cref="PartnerOrganisation"/> is the OIN of a
/// connected signal partner, which joins the case to hear its outcome. The subject hash and cipher come
/// from the store's protector when the signal carries a BSN.
/// </summary>
public sealed record OutreachRequest(
    string Municipality,
    string HouseholdKey,
    SignalJoined Signal,
    DateTimeOffset ReceivedAt,
    int MatchingMonths,
    string? PartnerOrganisation = null,
    string? SubjectHash = null,
    string? SubjectCipher = null,
    string? TraceParent = null);

/// <summary>The case a signal joined, and whether this signal opened it.</summary>
public sealed record OutreachCase(string TrajectoryId, bool IsNew);

/// <summary>
/// Which definition a municipality's outreach cases run on (a municipal variant of <c>vroegsignalering</c>, or
/// the default), and the hub's own OIN as the sender of the events it raises.
/// </summary>
public sealed record OutreachSettings(string HubOin, IReadOnlyDictionary<string, string> MunicipalityDefinitions, string DefaultDefinition = OutreachSettings.Standard)
{
    public const string Standard = "vroegsignalering";
}
