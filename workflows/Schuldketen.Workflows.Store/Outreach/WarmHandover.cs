using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>
/// Warm handover: an outreach case closed with an end result that leads to debt help registers the resident's
/// Wgs trajectory at the case's municipality, its clock starting when the case closed, channel
/// <c>vroegsignalering</c>; or, when the resident already has an open Wgs trajectory, the case leads to that
/// one. Registration goes through <see cref="TrajectoryStore.ApplyAsync"/> with an event id made from the
/// case's id, so a retried close, even after a crash between the two steps, hands over once.
/// </summary>
public sealed class WarmHandover(TrajectoryStore store, WarmHandoverSettings settings)
{
    /// <summary>The Wgs trajectory the closed case leads to; null when its end result leads to no debt help or the case is unknown.</summary>
    public async Task<string?> AfterCloseAsync(string caseId, DateTimeOffset closedAt, string? traceParent, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(caseId, cancellationToken) is not { } outreach
            || EndResults.OfOutcome(outreach.Outcome) is not { StartsDebtHelp: true })
        {
            return null;
        }

        if (outreach.SubjectHash is { } subject && await OpenWgsTrajectoryAsync(subject, cancellationToken) is { } open)
        {
            return open.Id;
        }

        var definitionId = settings.MunicipalityDefinitions.GetValueOrDefault(outreach.Municipality) ?? settings.DefaultDefinition;
        var definition = store.Engine.Library.Latest(definitionId)
                         ?? throw new InvalidOperationException($"The configured definition '{definitionId}' is not loaded.");
        var registered = await store.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{settings.HubOin}:vroegsignalering",
            $"warme-overdracht:{caseId}",
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            closedAt,
            new Sender(settings.HubOin, PartnerRole.Hub),
            TraceParent: traceParent,
            Registration: new Registration(definition.Key, outreach.Municipality, outreach.SubjectHash, outreach.SubjectCipher, Channel: Channel.EarlyWarning)));
        return registered.Status == ApplyStatus.Accepted
            ? registered.TrajectoryId
            : throw new InvalidOperationException($"The warm handover of outreach case '{caseId}' could not register a trajectory: {registered.Detail}");
    }

    private async Task<TrajectoryRecord?> OpenWgsTrajectoryAsync(string subjectHash, CancellationToken cancellationToken) =>
        (await store.OfSubjectAsync(subjectHash, cancellationToken)).FirstOrDefault(trajectory =>
        {
            var definition = store.Engine.Library.Get(trajectory.Definition);
            return !definition.Phase(trajectory.Phase).Terminal && !OutreachDefinition.Is(definition);
        });
}

/// <summary>Which Wgs definition a municipality's handed-over residents run on, and the hub's own OIN as the registering sender.</summary>
public sealed record WarmHandoverSettings(string HubOin, IReadOnlyDictionary<string, string> MunicipalityDefinitions, string DefaultDefinition);
