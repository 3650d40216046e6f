using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Store.Referrals;

/// <summary>
/// A GP's referral with the resident's consent counts as the resident's request for help: it
/// registers a trajectory at the responsible municipality, the clock running from the referral, or
/// joins the resident's open trajectory; then the hub links the GP to it as referrer. Every step goes
/// through <see cref="TrajectoryStore.ApplyAsync"/> with an event id made from the referral's key, so
/// a retry, even after a crash half-way, registers no second trajectory and no second referral.
/// </summary>
public sealed class ReferralIntake(
    ReferralStore referrals, ReferralReader reader, SubjectProtector protector, ReferralSettings settings, TimeProvider time)
{
    public async Task<ReferralOutcome> SubmitAsync(ReferralSubmission submission, CancellationToken cancellationToken)
    {
        var referrer = submission.Referrer;
        if (await referrals.FindByKeyAsync(referrer.Organisation, submission.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return new ReferralOutcome(await reader.ReadAsync(earlier.Id, referrer, submission.TraceParent, cancellationToken), false, null);
        }

        if (submission.Owner is { } named && !settings.Routing.Knows(named))
        {
            return ReferralOutcome.Refused("The owner is not a municipality that takes referrals through this hub. Leave the owner out to have the hub route the referral.");
        }

        var store = referrals.Trajectories;
        var subjectHash = protector.Hash(submission.Bsn);
        var open = (await store.OfSubjectAsync(subjectHash, cancellationToken))
            .FirstOrDefault(trajectory => store.Engine.Library.Get(trajectory.Definition) is var definition
                                          && !definition.Phase(trajectory.Phase).Terminal && !OutreachDefinition.Is(definition));
        var subjectCipher = open?.SubjectCipher ?? protector.Encrypt(submission.Bsn);
        string trajectoryId;
        string owner;
        if (open is not null)
        {
            (trajectoryId, owner) = (open.Id, open.Municipality);
        }
        else
        {
            if ((submission.Owner ?? settings.Routing.Route(submission.Postcode, referrer.Organisation)) is not { } municipality)
            {
                return ReferralOutcome.Refused(
                    "The hub cannot tell which municipality is responsible: the postcode is in no configured range and your organisation has no default municipality. Name the municipality as the Task's owner.");
            }

            owner = municipality;
            trajectoryId = (await RegisterAsync(submission, municipality, subjectHash, subjectCipher)).TrajectoryId;
        }

        var link = await store.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{settings.HubOin}:fhir",
            $"verwijzing:{referrer.Organisation}:{submission.IdempotencyKey}",
            EventTypes.ParticipantLinked,
            trajectoryId,
            time.GetUtcNow(),
            new Sender(settings.HubOin, PartnerRole.Hub),
            JsonSerializer.Serialize(new ParticipantLinked(referrer.Organisation, PartnerRole.GeneralPractitioner.WireName()), EventDataJson.Options),
            TraceParent: submission.TraceParent,
            Participant: new Participant(referrer.Organisation, PartnerRole.GeneralPractitioner)));
        if (link.Status != ApplyStatus.Accepted)
        {
            return ReferralOutcome.Refused($"The referral could not be linked to the resident's trajectory: {link.Detail}");
        }

        var now = time.GetUtcNow();
        var trace = TraceContext.Parse(submission.TraceParent);
        var stored = await referrals.AddAsync(
            new StoredReferral(Guid.NewGuid().ToString(), referrer.Organisation, submission.IdempotencyKey, submission.IdentifierSystem, submission.IdentifierValue,
                trajectoryId, owner, submission.ReferredAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), null),
            new AuditEntry(now, "verwijzing-ontvangen", referrer.Organisation, referrer.Person, trajectoryId, subjectCipher, "geslaagd", trace?.TraceId, trace?.SpanId),
            cancellationToken);
        return new ReferralOutcome(await reader.SnapshotAsync(stored, cancellationToken), true, null);
    }

    /// <summary>
    /// The referrer cancels its referral: the referral ends, the resident's trajectory runs on, and the hub
    /// unlinks the referrer from it unless another open referral of its own still links it. The unlinking
    /// is tried on every call, with an event id made from the referral's id, so a retry after a crash
    /// between the two steps still unlinks, and only once. Null when it is not the caller's.
    /// </summary>
    public async Task<ReferralSnapshot?> CancelAsync(string id, Sender referrer, string? traceParent, CancellationToken cancellationToken)
    {
        if (await reader.FindOwnAsync(id, referrer, cancellationToken) is not { } referral)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var trace = TraceContext.Parse(traceParent);
        var trajectory = await referrals.Trajectories.FindAsync(referral.TrajectoryId, cancellationToken);
        var cancelled = await referrals.CancelAsync(referral, now,
            new AuditEntry(now, "verwijzing-intrekken", referrer.Organisation, referrer.Person, referral.TrajectoryId, trajectory?.SubjectCipher, "geslaagd",
                trace?.TraceId, trace?.SpanId),
            cancellationToken);
        if (!await referrals.StillLinksAsync(referral.TrajectoryId, referral.Referrer, cancellationToken))
        {
            await referrals.Trajectories.ApplyAsync(new IncomingEvent(
                $"urn:nld:oin:{settings.HubOin}:fhir",
                $"verwijzing-ingetrokken:{referral.Id}",
                EventTypes.ParticipantUnlinked,
                referral.TrajectoryId,
                now,
                new Sender(settings.HubOin, PartnerRole.Hub),
                JsonSerializer.Serialize(new ParticipantUnlinked(referral.Referrer, PartnerRole.GeneralPractitioner.WireName()), EventDataJson.Options),
                TraceParent: traceParent,
                Unlinked: new Participant(referral.Referrer, PartnerRole.GeneralPractitioner)));
        }

        return await reader.SnapshotAsync(cancelled, cancellationToken);
    }

    private Task<ApplyResult> RegisterAsync(ReferralSubmission submission, string municipality, string subjectHash, string subjectCipher)
    {
        var definitionId = settings.MunicipalityDefinitions.GetValueOrDefault(municipality) ?? settings.DefaultDefinition;
        var definition = referrals.Trajectories.Engine.Library.Latest(definitionId)
                         ?? throw new InvalidOperationException($"The configured definition '{definitionId}' is not loaded.");
        return referrals.Trajectories.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{submission.Referrer.Organisation}:fhir",
            $"verwijzing:{submission.IdempotencyKey}",
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            submission.ReferredAt,
            submission.Referrer,
            TraceParent: submission.TraceParent,
            Registration: new Registration(definition.Key, municipality, subjectHash, subjectCipher, Channel: Channel.GeneralPractitioner)));
    }
}

/// <summary>Where referrals go and on which definition their trajectories run, and the hub's own OIN as the linker.</summary>
public sealed record ReferralSettings(
    PostcodeRouting Routing, IReadOnlyDictionary<string, string> MunicipalityDefinitions, string DefaultDefinition, string HubOin);
