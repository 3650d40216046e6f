using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary>
/// <c>POST /api/v1/trajectories</c>: a municipality registers a resident's request for help. The
/// request may have been made in any form; the legal clock runs from <c>requestedAt</c>. The BSN
/// is kept only as a keyed hash and encrypted; the trajectory gets a pseudonymous id.
/// </summary>
public static class RegisterTrajectory
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/trajectories", HandleAsync)
            .WithName("registerTrajectory")
            .WithTags("Trajecten")
            .WithSummary("Register a resident's request for debt help (municipality)")
            .WithDescription(
                "A municipality registers a resident's request for help, made in any form; the legal clock runs from requestedAt (default: now). " +
                "channel records how the request came in (default systeem); the chain overview counts registrations per channel. " +
                "The BSN is kept only as a keyed hash and encrypted; the trajectory gets a pseudonymous id, in the Location header and the body. " +
                "Send an Idempotency-Key to register safely again after a lost answer.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Created<TrajectoryView>, ProblemHttpResult>> HandleAsync(
        RegistrationRequest request,
        HttpContext context,
        TrajectoryStore store,
        TrajectoryReader reader,
        SubjectProtector protector,
        IOptions<StoreOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken,
        [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")]
        [Description("1 to 128 characters that make the registration idempotent: the same key again registers no second trajectory but answers with the first.")]
        string? idempotencyKey = null)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (caller.Role != PartnerRole.Municipality)
        {
            return CallerProblems.RoleMayNot("register a trajectory", "a municipality");
        }

        var now = time.GetUtcNow();
        var invalid = Validate(request, now, idempotencyKey);
        if (invalid.Count > 0)
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldige-aanmelding", "Invalid registration",
                "The registration has fields that need fixing; see invalidParams.", new Dictionary<string, object?> { ["invalidParams"] = invalid });
        }

        Bsn.TryParse(request.Bsn, out var bsn);
        var channel = request.Channel is { } stated ? Channels.Parse(stated) : Channels.Default;
        var definitionId = options.Value.MunicipalityDefinitions.GetValueOrDefault(caller.Organisation) ?? options.Value.DefaultDefinition;
        var definition = store.Engine.Library.Latest(definitionId)
                         ?? throw new InvalidOperationException($"The configured definition '{definitionId}' is not loaded.");
        var counsellor = request.Counsellor is { } assigned
            ? new Participant(assigned.Organisation, PartnerRole.DebtCounsellor, assigned.ContactName, assigned.ContactId)
            : null;
        var result = await store.ApplyAsync(new IncomingEvent(
            $"urn:nld:oin:{caller.Organisation}:api",
            idempotencyKey ?? Guid.NewGuid().ToString(),
            EventTypes.Registered,
            Guid.NewGuid().ToString(),
            request.RequestedAt ?? now,
            caller.AsSender(),
            TraceParent: RequestTrace.TraceParent,
            Registration: new Registration(definition.Key, caller.Organisation, protector.Hash(bsn), protector.Encrypt(bsn), counsellor, channel)));

        var view = await reader.ViewAsync(result.TrajectoryId, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return TypedResults.Created($"/api/v1/trajectories/{result.TrajectoryId}", view!);
    }

    private static List<object> Validate(RegistrationRequest request, DateTimeOffset now, string? idempotencyKey)
    {
        var invalid = new List<object>();
        if (!Bsn.TryParse(request.Bsn, out _))
        {
            // Never echo the value: it may be a real BSN with a typo.
            invalid.Add(new { name = "bsn", reason = "A BSN has 9 digits and passes the 11-check." });
        }

        if (request.RequestedAt is { } requested && requested > now.AddMinutes(5))
        {
            invalid.Add(new { name = "requestedAt", reason = "The moment of the request cannot lie in the future." });
        }

        if (request.Counsellor is { } counsellor)
        {
            if (counsellor.Organisation is not { Length: 20 } || !counsellor.Organisation.All(char.IsAsciiDigit))
            {
                invalid.Add(new { name = "counsellor.organisation", reason = "An OIN has exactly 20 digits." });
            }

            if (string.IsNullOrWhiteSpace(counsellor.ContactName) || counsellor.ContactName.Length > 200)
            {
                invalid.Add(new { name = "counsellor.contactName", reason = "Name the contact person, in at most 200 characters." });
            }

            if (counsellor.ContactId is { Length: 0 or > 100 })
            {
                invalid.Add(new { name = "counsellor.contactId", reason = "A contact id has 1 to 100 characters." });
            }
        }

        if (request.Channel is { } channel && !Channels.TryParse(channel, out _))
        {
            invalid.Add(new { name = "channel", reason = $"The channel is one of: {string.Join(", ", Channels.All.Select(known => known.WireName()))}." });
        }

        if (idempotencyKey is { Length: 0 or > 128 })
        {
            invalid.Add(new { name = "Idempotency-Key", reason = "An idempotency key has 1 to 128 characters." });
        }

        return invalid;
    }
}

/// <summary>A resident's request for help, as the municipality registers it, with the channel it came in by.</summary>
public sealed record RegistrationRequest(
    string Bsn,
    DateTimeOffset? RequestedAt = null,
    CounsellorRequest? Counsellor = null,
    [property: Description("How the request came in: balie, telefoon, e-mail, website, wijkteam, huisbezoek, brief, huisarts, vroegsignalering or systeem (the default).")]
    string? Channel = null);

/// <summary>The debt counsellor organisation and the named person who will be the resident's contact.</summary>
public sealed record CounsellorRequest(string Organisation, string ContactName, string? ContactId = null);
