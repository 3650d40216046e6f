using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Workflows.Store.Intake;

/// <summary>
/// The one path for a partner's event, from HTTP or the bus: the CloudEvents envelope and the NL GOV
/// profile, the data against its contract, the sender against the source, then the store, where the
/// inbox dedupes and the engine decides whether the sender's role may send it now.
/// </summary>
public sealed class EventIntake(TrajectoryStore store, WarmHandover handover, TimeProvider time)
{
    private static readonly JsonElement NoData = JsonDocument.Parse("null").RootElement;

    public async Task<IntakeResult> AcceptAsync(JsonElement body, Sender sender, string? traceParent)
    {
        var envelope = CloudEventEnvelope.Parse(body);
        if (!envelope.IsValid)
        {
            var first = envelope.Problems[0];
            return Counted(IntakeResult.Refused(400, new IntakeProblem(first.Rule, "Invalid CloudEvent", first.Message,
                envelope.Problems.Select(problem => new InvalidField(problem.Attribute, problem.Rule, problem.Message)).ToList())));
        }

        var cloudEvent = envelope.Envelope;
        var data = EventDataCatalogue.Validate(cloudEvent.Type, cloudEvent.Data ?? NoData);
        if (!data.IsValid)
        {
            return Counted(IntakeResult.Refused(400, new IntakeProblem("data-schema", "Invalid event data",
                $"The data does not match the schema of {cloudEvent.Type} (/api/v1/schemas/{cloudEvent.Type}).",
                data.Problems.Select(problem => new InvalidField("data" + problem.Pointer, "data-schema", problem.Message)).ToList())));
        }

        if (cloudEvent.SourceOin != sender.Organisation)
        {
            return Counted(IntakeResult.Refused(403, new IntakeProblem("afzender-bron", "Source is not the sender",
                "The OIN in 'source' must be the OIN of the organisation in your token.",
                [new InvalidField("source", "afzender-bron", "Use urn:nld:oin:<your OIN>, optionally followed by ':' and your system's name.")])));
        }

        var occurredAt = cloudEvent.Time ?? time.GetUtcNow();
        var applied = await store.ApplyAsync(new IncomingEvent(
            cloudEvent.Source,
            cloudEvent.Id,
            cloudEvent.Type,
            cloudEvent.Subject!,
            occurredAt,
            sender,
            (cloudEvent.Data ?? NoData).GetRawText(),
            data.Data.Facts,
            data.Data.Outcome,
            cloudEvent.TraceParent ?? traceParent,
            Participant: ParticipantOf(data.Data),
            Unlinked: UnlinkedOf(data.Data)));

        // Also on a replayed close: a retry after a crash between the close and the handover still hands over, once.
        if (applied.Status == ApplyStatus.Accepted && cloudEvent.Type == EventTypes.OutreachClosed)
        {
            await handover.AfterCloseAsync(applied.TrajectoryId, occurredAt, cloudEvent.TraceParent ?? traceParent);
        }

        return Counted(Answer(applied, cloudEvent));
    }

    private static IntakeResult Counted(IntakeResult result)
    {
        if (result.Problem is { } problem)
        {
            HubTelemetry.EventsRefused.Add(1, new KeyValuePair<string, object?>(HubTelemetry.Tags.Rule, problem.Rule));
        }
        else
        {
            HubTelemetry.EventsAccepted.Add(1);
        }

        return result;
    }

    private static Participant? ParticipantOf(IEventData data) => data switch
    {
        ParticipantLinked linked when PartnerRoles.TryParse(linked.Role, out var role) => new Participant(linked.Organisation, role, linked.ContactName),
        CounsellorAssigned assigned => new Participant(assigned.Organisation, PartnerRole.DebtCounsellor, assigned.ContactName, assigned.ContactId),
        _ => null,
    };

    private static Participant? UnlinkedOf(IEventData data) =>
        data is ParticipantUnlinked unlinked && PartnerRoles.TryParse(unlinked.Role, out var role) ? new Participant(unlinked.Organisation, role) : null;

    private static IntakeResult Answer(ApplyResult applied, CloudEventEnvelope cloudEvent) => applied switch
    {
        { Status: ApplyStatus.Accepted } => IntakeResult.Accepted(applied),
        { Status: ApplyStatus.UnknownTrajectory } => IntakeResult.Refused(404, new IntakeProblem("traject-onbekend", "Trajectory not found",
            "There is no trajectory with this subject among the trajectories your organisation takes part in.")),
        { Reason: RefusalReason.RoleNotPermitted } => IntakeResult.Refused(403, new IntakeProblem("rol-niet-toegestaan", "Role not permitted",
            applied.Detail ?? "Your role may not send this event type here.", PermittedEventTypes: applied.PermittedEventTypes, Trajectory: applied.TrajectoryId)),
        _ => IntakeResult.Refused(409, new IntakeProblem(RuleOf(applied.Reason), "Not permitted now",
            applied.Detail ?? "The event does not fit the trajectory's current phase.", PermittedEventTypes: applied.PermittedEventTypes ?? [],
            Trajectory: applied.TrajectoryId)),
    };

    private static string RuleOf(RefusalReason? reason) => reason switch
    {
        RefusalReason.TrajectoryClosed => "traject-afgesloten",
        RefusalReason.GuardNotMet => "voorwaarde-niet-vervuld",
        RefusalReason.OutcomeRequired => "uitkomst-nodig",
        _ => "niet-toegestaan-in-fase",
    };
}
