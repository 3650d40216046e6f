using System.Security.Cryptography;
using System.Text;
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

    private const string InsertLink =
        "INSERT INTO outreach_cases (trajectory_id, municipality, household_key, opened_by, opened_at, period_ends_at) " +
        "VALUES (@TrajectoryId, @Municipality, @HouseholdKey, @OpenedBy, @OpenedAt, @PeriodEndsAt) ON CONFLICT DO NOTHING";

    public async Task<OutreachCase> OpenOrJoinAsync(OutreachRequest request, CancellationToken cancellationToken = default)
    {
        if (await OwnCaseAsync(request.Signal.SignalId, cancellationToken) is { } own)
        {
            return await JoinAsync(request, own.TrajectoryId, isNew: true);
        }

        var household = await HouseholdAsync(request, cancellationToken);
        if (household.OpenCase is { } open)
        {
            return await JoinAsync(request, open, isNew: false);
        }

        var (link, isNew) = await RegisterAsync(request, household.Cases, cancellationToken);
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(InsertLink, link);
        }

        return await JoinAsync(request, link.TrajectoryId, isNew);
    }

    /// <summary>
    /// A household's signals in order, as an import joins them: the link of a case opened here is added to
    /// <paramref name="links"/> for the caller to write in one transaction with its other rows (<see cref="WriteLinksAsync"/>),
    /// rather than in one of its own per case. Until that link is written a retry registers again, and the store's inbox
    /// answers that repeat with the case registered the first time.
    /// </summary>
    public async Task<IReadOnlyList<OutreachCase>> OpenOrJoinHouseholdAsync(
        IReadOnlyList<OutreachRequest> requests, ICollection<OutreachLink> links, CancellationToken cancellationToken = default)
    {
        var joined = new List<OutreachCase>(requests.Count);
        OutreachLink? openedHere = null;
        var openedCount = 0;
        foreach (var request in requests)
        {
            if (await OwnCaseAsync(request.Signal.SignalId, cancellationToken) is { } own)
            {
                joined.Add(await JoinAsync(request, own.TrajectoryId, isNew: true));
            }
            else if (openedHere is { } here && request.ReceivedAt.ToUnixTimeMilliseconds() < here.PeriodEndsAt)
            {
                joined.Add(await JoinAsync(request, here.TrajectoryId, isNew: false));
            }
            else if (await HouseholdAsync(request, cancellationToken) is var household && household.OpenCase is { } open)
            {
                joined.Add(await JoinAsync(request, open, isNew: false));
            }
            else
            {
                (openedHere, var isNew) = await RegisterAsync(request, household.Cases + openedCount++, cancellationToken);
                links.Add(openedHere);
                joined.Add(await JoinAsync(request, openedHere.TrajectoryId, isNew));
            }
        }

        return joined;
    }

    /// <summary>Writes the links of cases opened by <see cref="OpenOrJoinHouseholdAsync"/>; a link written before stays as it was.</summary>
    public static Task WriteLinksAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IEnumerable<OutreachLink> links) =>
        connection.ExecuteAsync(InsertLink, links, transaction);

    private async Task<OutreachCase> JoinAsync(OutreachRequest request, string trajectoryId, bool isNew)
    {
        var signalId = request.Signal.SignalId;
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

    /// <summary>
    /// The household's case that is still open and whose matching period runs at the signal's arrival, and how many
    /// cases the household has had.
    /// </summary>
    private async Task<Household> HouseholdAsync(OutreachRequest request, CancellationToken cancellationToken)
    {
        List<CaseRow> cases;
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            cases = (await connection.QueryAsync<CaseRow>(
                $"SELECT {Columns} FROM outreach_cases WHERE municipality = @Municipality AND household_key = @HouseholdKey ORDER BY period_ends_at DESC",
                new { request.Municipality, request.HouseholdKey })).AsList();
        }

        var at = request.ReceivedAt.ToUnixTimeMilliseconds();
        foreach (var candidate in cases.Where(candidate => candidate.PeriodEndsAt > at))
        {
            if (await store.FindAsync(candidate.TrajectoryId, cancellationToken) is { } trajectory
                && !store.Engine.Library.Get(trajectory.Definition).Phase(trajectory.Phase).Terminal)
            {
                return new Household(trajectory.Id, cases.Count);
            }
        }

        return new Household(null, cases.Count);
    }

    /// <summary>
    /// Registers the household's next case. Its id follows from the household and how many cases it has had, so two signals
    /// about one household that arrive side by side (two partners, two hub instances) register the same case: the first
    /// registers it, the second finds it registered and joins it.
    /// </summary>
    private async Task<(OutreachLink Link, bool IsNew)> RegisterAsync(OutreachRequest request, int earlierCases, CancellationToken cancellationToken)
    {
        var definitionId = settings.MunicipalityDefinitions.GetValueOrDefault(request.Municipality) ?? settings.DefaultDefinition;
        var definition = store.Engine.Library.Latest(definitionId)
                         ?? throw new InvalidOperationException($"The configured outreach definition '{definitionId}' is not loaded.");
        var registered = await store.ApplyAsync(new IncomingEvent(
            Source,
            $"vroegsignaal:{request.Signal.SignalId}",
            EventTypes.Registered,
            CaseId(request.Municipality, request.HouseholdKey, earlierCases),
            request.ReceivedAt,
            new Sender(settings.HubOin, PartnerRole.Hub),
            TraceParent: request.TraceParent,
            Registration: new Registration(definition.Key, request.Municipality, request.SubjectHash, request.SubjectCipher)));
        if (registered.Status is not (ApplyStatus.Accepted or ApplyStatus.AlreadyRegistered))
        {
            throw new InvalidOperationException($"The outreach case for signal '{request.Signal.SignalId}' could not be registered: {registered.Detail}");
        }

        var link = new OutreachLink(
            registered.TrajectoryId,
            request.Municipality,
            request.HouseholdKey,
            request.Signal.SignalId,
            request.ReceivedAt.ToUnixTimeMilliseconds(),
            request.ReceivedAt.AddMonths(request.MatchingMonths).ToUnixTimeMilliseconds());
        return (link, registered.Status == ApplyStatus.Accepted);
    }

    /// <summary>A name-based UUID (RFC 9562 version 8) of the household's n-th case; the household key is already a keyed hash.</summary>
    private static string CaseId(string municipality, string householdKey, int earlierCases)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"vroegsignaalzaak\n{municipality}\n{householdKey}\n{earlierCases}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private sealed record Household(string? OpenCase, int Cases);

    private sealed record CaseRow(string TrajectoryId, string OpenedBy, long PeriodEndsAt);
}

/// <summary>A household's outreach case as <c>outreach_cases</c> keeps it: opened by which signal, matching until when.</summary>
public sealed record OutreachLink(string TrajectoryId, string Municipality, string HouseholdKey, string OpenedBy, long OpenedAt, long PeriodEndsAt);
