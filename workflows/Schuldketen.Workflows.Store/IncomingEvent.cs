using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// An event that passed validation, on its way into a trajectory. <see cref="Source"/> and
/// <see cref="Id"/> identify it for deduplication; <see cref="Time"/> is when it happened, from
/// which legal clocks run. <see cref="Participant"/> joins the trajectory with the event,
/// <see cref="Unlinked"/> leaves it in that role.
/// </summary>
public sealed record IncomingEvent(
    string Source,
    string Id,
    string Type,
    string TrajectoryId,
    DateTimeOffset Time,
    Sender Sender,
    string Data = "{}",
    IReadOnlySet<string>? Facts = null,
    string? Outcome = null,
    string? TraceParent = null,
    Registration? Registration = null,
    string? ExpiredDeadline = null,
    Migration? Migration = null,
    Participant? Participant = null,
    Participant? Unlinked = null);

/// <summary>Who sent an event: the organisation (OIN), its role, and the person acting, if any.</summary>
public sealed record Sender(string Organisation, PartnerRole Role, string? Person = null);

/// <summary>
/// What a registration adds: the definition version the trajectory is pinned to, whose it is (a keyed
/// hash and a ciphertext of the BSN, never the BSN), the debt counsellor, if already known, and the channel the request came in by.
/// </summary>
public sealed record Registration(
    DefinitionKey Definition,
    string Municipality,
    string? SubjectHash = null,
    string? SubjectCipher = null,
    Participant? Counsellor = null,
    Channel Channel = Channels.Default);

/// <summary>An organisation that takes part in a trajectory, with its contact person for the resident.</summary>
public sealed record Participant(string Organisation, PartnerRole Role, string? ContactName = null, string? ContactId = null);

/// <summary>Moves a running trajectory to another version of its definition; every phase of the old version maps to one of the new.</summary>
public sealed record Migration(int ToVersion, IReadOnlyDictionary<string, string> PhaseMap);
