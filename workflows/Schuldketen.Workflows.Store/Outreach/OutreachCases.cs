using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>
/// Opens a household's outreach case (Vroegsignaalzaak) for a signal, or adds the signal to the household's
/// open case when it arrives within that case's matching period. The case is a <c>vroegsignalering</c>
/// trajectory; registering it and adding the signal go through <see cref="TrajectoryStore.ApplyAsync"/> with
/// event ids made from the signal's id, so a retry, even after a crash half-way, opens no second case and
/// adds the signal once.
/// </summary>
public sealed class OutreachCases(TrajectoryStore store, OutreachSettings settings)
{
    private const string Columns = "trajectory_id AS TrajectoryId, opened_by AS OpenedBy, period_ends_at AS PeriodEndsAt";

    public async Task<OutreachCase> OpenOrJoinAsync(OutreachRequest request, CancellationToken cancellationToken = default)
    {
        var signalId = request.Signal.SignalId;
        var (trajectoryId, isNew) = await OwnCaseAsync(signalId, cancellationToken) is { } own
            ? (own.TrajectoryId, true)
            : await OpenCaseAsync(request, cancellationToken) is { } open
                ? (open, false)
                : (await RegisterAsync(request, cancellationToken), true);

        var joined = await store.ApplyAsync(new IncomingEvent(
            Source,
            $"vroegsignaal-toegevoegd:{signalId}",
            EventTypes.SignalJoined,
            trajectoryId,
            request.ReceivedAt,
            new Sender(settings.HubOin, PartnerRole.Hub),
            JsonSerializer.Serialize(request.Signal, EventDataJson.Options),
            Facts: ((IEventData)request.Signal).Facts,
            TraceParent: request.TraceParent,
            Participant: request.PartnerOrganisation is { } partner ? new Participant(partner, PartnerRole.SignalPartner) : null));
        return joined.Status == ApplyStatus.Accepted
            ? new OutreachCase(joined.TrajectoryId, isNew)
            : throw new InvalidOperationException($"Signal '{signalId}' could not join outreach case '{trajectoryId}': {joined.Detail}");
    }

    private string Source => $"urn:nld:oin:{settings.HubOin}:vroegsignalering";

    private async Task<CaseRow?> OwnCaseAsync(string signalId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CaseRow>($"SELECT {Columns} FROM outreach_cases WHERE opened_by = @signalId", new { signalId });
    }

    /// <summary>The household's case that is still open and whose matching period runs at the signal's arrival.</summary>
    private async Task<string?> OpenCaseAsync(OutreachRequest request, CancellationToken cancellationToken)
    {
        List<CaseRow> candidates;
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            candidates = (await connection.QueryAsync<CaseRow>(
                $"SELECT {Columns} FROM outreach_cases WHERE municipality = @Municipality AND household_key = @HouseholdKey AND period_ends_at > @at ORDER BY period_ends_at DESC",
                new { request.Municipality, request.HouseholdKey, at = request.ReceivedAt.ToUnixTimeMilliseconds() })).AsList();
        }

        foreach (var candidate in candidates)
        {
            if (await store.FindAsync(candidate.TrajectoryId, cancellationToken) is { } trajectory
                && !store.Engine.Library.Get(trajectory.Definition).Phase(trajectory.Phase).Terminal)
            {
                return trajectory.Id;
            }
        }

        return null;
    }

    private async Task<string> RegisterAsync(OutreachRequest request, CancellationToken cancellationToken)
    {
        var definitionId = settings.MunicipalityDefinitions.GetValueOrDefault(request.Municipality) ?? settings.DefaultDefinition;
        var definition = store.Engine.Library.Latest(definitionId)
                         ?? throw new InvalidOperationException($"The configured outreach definition '{definitionId}' is not loaded.");
        var registered = await store.ApplyAsync(new IncomingEvent(
            Source,
            $"vroegsignaal:{request.Signal.SignalId}",
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            request.ReceivedAt,
            new Sender(settings.HubOin, PartnerRole.Hub),
            TraceParent: request.TraceParent,
            Registration: new Registration(definition.Key, request.Municipality, request.SubjectHash, request.SubjectCipher)));
        if (registered.Status != ApplyStatus.Accepted)
        {
            throw new InvalidOperationException($"The outreach case for signal '{request.Signal.SignalId}' could not be registered: {registered.Detail}");
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO outreach_cases (trajectory_id, municipality, household_key, opened_by, opened_at, period_ends_at) " +
            "VALUES (@TrajectoryId, @Municipality, @HouseholdKey, @OpenedBy, @OpenedAt, @PeriodEndsAt) ON CONFLICT DO NOTHING",
            new
            {
                registered.TrajectoryId,
                request.Municipality,
                request.HouseholdKey,
                OpenedBy = request.Signal.SignalId,
                OpenedAt = request.ReceivedAt.ToUnixTimeMilliseconds(),
                PeriodEndsAt = request.ReceivedAt.AddMonths(request.MatchingMonths).ToUnixTimeMilliseconds(),
            });
        return registered.TrajectoryId;
    }

    private sealed record CaseRow(string TrajectoryId, string OpenedBy, long PeriodEndsAt);
}
