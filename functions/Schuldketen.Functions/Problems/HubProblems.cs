using Microsoft.AspNetCore.Http.HttpResults;

namespace Schuldketen.Functions.Problems;

/// <summary>
/// RFC 9457 problem details, each with a <c>type</c> that names the rule that failed, so a partner's
/// developer can tell one refusal from another without parsing text.
/// </summary>
public static class HubProblems
{
    public const string TypePrefix = "urn:schuldketen:probleem:";

    public static ProblemHttpResult Create(int status, string rule, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypePrefix + rule, extensions: extensions);

    /// <summary>The same 404 for "does not exist" and "not yours", so ids cannot be probed.</summary>
    public static ProblemHttpResult TrajectoryNotFound(string id) =>
        Create(StatusCodes.Status404NotFound, "niet-gevonden", "Trajectory not found",
            "There is no trajectory with this id among the trajectories your organisation takes part in.",
            new Dictionary<string, object?> { ["trajectory"] = id });

    /// <summary>What a client should do for the statuses the framework answers by itself.</summary>
    public static (string Rule, string Title, string Detail)? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("ongeldig-verzoek", "Bad request",
            "The request could not be read: check its syntax, headers, and that each query parameter and body member has the type the API description gives."),
        StatusCodes.Status401Unauthorized => ("niet-geauthenticeerd", "Not authenticated",
            "Send a valid bearer token of your organisation in the Authorization header."),
        StatusCodes.Status403Forbidden => ("geen-toegang", "Forbidden", "Your organisation's role may not do this."),
        StatusCodes.Status404NotFound => ("niet-gevonden", "Not found", "There is no resource at this address. See /api/v1/openapi.json for the API."),
        StatusCodes.Status405MethodNotAllowed => ("methode-niet-toegestaan", "Method not allowed",
            "This address does not take this HTTP method. See the Allow header or /api/v1/openapi.json."),
        StatusCodes.Status413PayloadTooLarge => ("te-groot", "Request too large", "The request body is larger than the hub accepts. Send less, or split a batch."),
        StatusCodes.Status415UnsupportedMediaType => ("mediatype", "Unsupported media type",
            "Send the body with a Content-Type this address accepts, such as application/json or application/cloudevents+json."),
        StatusCodes.Status429TooManyRequests => ("te-veel-verzoeken", "Too many requests",
            "Your organisation sent more requests than allowed in this window. Wait for the Retry-After seconds."),
        StatusCodes.Status503ServiceUnavailable => ("niet-beschikbaar", "Service unavailable",
            "The hub cannot reach its database right now. Retry later with the same event id; nothing was lost."),
        _ => null,
    };
}
