using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Intake;

namespace Schuldketen.Functions.Http;

/// <summary>
/// <c>POST /api/v1/events</c>: a partner's status update as a CloudEvent (structured mode,
/// <c>application/cloudevents+json</c>) or several at once (<c>application/cloudevents-batch+json</c>).
/// Accepted: 202 with the trajectory's new phase. The same event again: the same answer.
/// </summary>
public static class PostEvents
{
    public const string BatchMediaType = "application/cloudevents-batch+json";
    private const int MaxBatch = 100;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/events", HandleAsync)
            .WithName("postEvents")
            .WithTags("Gebeurtenissen")
            .WithSummary("Send a status update (CloudEvents, NL GOV profile)")
            .WithDescription(
                "Send one status update as a CloudEvent in structured mode (application/cloudevents+json), or 1 to 100 at once as a JSON array " +
                "(application/cloudevents-batch+json). An accepted event answers 202 with the trajectory's new phase; the same event again " +
                "answers the same, it is applied once at most. A batch answers 202 when every event was accepted, 207 with each event's own " +
                "status and answer or problem when some were, and a problem with each event's in results when none was. " +
                "See /event-types for the types your role may send and their data schemas.")
            .Accepts<JsonElement>(CloudEventEnvelope.MediaType, BatchMediaType)
            .Produces<EventAccepted>(StatusCodes.Status202Accepted)
            .Produces<IReadOnlyList<EventOutcome>>(StatusCodes.Status207MultiStatus)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(HttpContext context, EventIntake intake, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (CloudEventEnvelope.MediaType or BatchMediaType))
        {
            return HubProblems.Create(StatusCodes.Status415UnsupportedMediaType, "mediatype", "Unsupported media type",
                $"Send one event as {CloudEventEnvelope.MediaType} or several as {BatchMediaType}.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException error)
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "json-syntax", "Body is not JSON",
                $"The body is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var sender = caller.AsSender();
            if (mediaType == CloudEventEnvelope.MediaType)
            {
                return Respond(await intake.AcceptAsync(document.RootElement, sender, RequestTrace.TraceParent));
            }

            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() is 0 or > MaxBatch)
            {
                return HubProblems.Create(StatusCodes.Status400BadRequest, "batch-vorm", "Invalid batch",
                    $"A batch is a JSON array of 1 to {MaxBatch} CloudEvents.");
            }

            var outcomes = await Task.WhenAll(document.RootElement.EnumerateArray()
                .Select(async (element, index) => Outcome(index, await intake.AcceptAsync(element, sender, RequestTrace.TraceParent))));
            var accepted = outcomes.Count(outcome => outcome.Status == StatusCodes.Status202Accepted);
            if (accepted == 0)
            {
                var statuses = outcomes.Select(outcome => outcome.Status).Distinct().ToList();
                return HubProblems.Create(statuses.Count == 1 ? statuses[0] : StatusCodes.Status400BadRequest, "batch-geweigerd", "No event accepted",
                    "None of the events in the batch was accepted; see results for each one's problem.",
                    new Dictionary<string, object?> { ["results"] = outcomes });
            }

            return TypedResults.Json(outcomes, statusCode: accepted == outcomes.Length ? StatusCodes.Status202Accepted : StatusCodes.Status207MultiStatus);
        }
    }

    private static IResult Respond(IntakeResult result) =>
        result.Applied is { } applied
            ? TypedResults.Json(EventAccepted.From(applied), statusCode: StatusCodes.Status202Accepted)
            : Problem(result);

    private static ProblemHttpResult Problem(IntakeResult result)
    {
        var problem = result.Problem!;
        var extensions = new Dictionary<string, object?>();
        if (problem.Fields is { } fields)
        {
            extensions["invalidParams"] = fields.Select(field => new { name = field.Name, rule = field.Rule, reason = field.Reason }).ToList();
        }

        if (problem.PermittedEventTypes is { } permitted)
        {
            extensions["permittedEventTypes"] = permitted;
        }

        if (problem.Trajectory is { } trajectory)
        {
            extensions["trajectory"] = trajectory;
        }

        return HubProblems.Create(result.Status, problem.Rule, problem.Title, problem.Detail, extensions);
    }

    private static EventOutcome Outcome(int index, IntakeResult result) =>
        new(index, result.Status, result.Applied is { } applied ? EventAccepted.From(applied) : null,
            result.Problem is { } problem ? Problem(result).ProblemDetails : null);
}

/// <summary>The answer to an accepted event: where the trajectory stands now.</summary>
public sealed record EventAccepted(string Trajectory, string Phase, long Sequence, string? Outcome, bool Replayed)
{
    public static EventAccepted From(Workflows.Store.ApplyResult applied) =>
        new(applied.TrajectoryId, applied.Phase!, applied.Sequence, applied.Outcome, applied.Replayed);
}

/// <summary>One event of a batch: its position, its status, and either its answer or its problem.</summary>
public sealed record EventOutcome(int Index, int Status, EventAccepted? Accepted, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem);
