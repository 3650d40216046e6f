using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// Answers under <c>/fhir/r4</c>: FHIR resources as <c>application/fhir+json</c>, and every error,
/// the framework's own included, as an OperationOutcome instead of problem details.
/// </summary>
public static class FhirOutcomes
{
    public static bool Applies(HttpContext context) => context.Request.Path.StartsWithSegments(FhirInteractions.Base);

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK, string? location = null) =>
        new FhirResult(resource, status, location);

    public static IResult Refuse(FhirRefusal refusal) => new FhirResult(refusal.ToOperationOutcome(), refusal.Status, null);

    public static IResult Refuse(int status, OperationOutcome.IssueType code, string diagnostics, string? expression = null) =>
        Refuse(FhirRefusal.Of(status, code, diagnostics, expression));

    /// <summary>The issue for a status the framework answered by itself (authentication, limits, routing, failures).</summary>
    public static FhirRefusal ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => FhirRefusal.Of(status, OperationOutcome.IssueType.Invalid,
            "The request could not be read: check its syntax and headers against /fhir/r4/metadata."),
        StatusCodes.Status401Unauthorized => FhirRefusal.Of(status, OperationOutcome.IssueType.Login,
            "Send a valid bearer token of your GP organisation in the Authorization header."),
        StatusCodes.Status403Forbidden => FhirRefusal.Of(status, OperationOutcome.IssueType.Forbidden,
            "Your organisation's role may not do this: referrals are made and read by GP organisations (role 'huisarts')."),
        StatusCodes.Status404NotFound => FhirRefusal.Of(status, OperationOutcome.IssueType.NotFound,
            "There is nothing at this address. See /fhir/r4/metadata for what this server supports."),
        StatusCodes.Status405MethodNotAllowed => FhirRefusal.Of(status, OperationOutcome.IssueType.NotSupported,
            "This address does not take this HTTP method. See the Allow header and /fhir/r4/metadata."),
        StatusCodes.Status413PayloadTooLarge => FhirRefusal.Of(status, OperationOutcome.IssueType.TooCostly,
            "The request body is larger than the hub accepts. A referral is a few kilobytes: send only its four resources."),
        StatusCodes.Status415UnsupportedMediaType => FhirRefusal.Of(status, OperationOutcome.IssueType.NotSupported,
            $"Send the body as {FhirSystems.MediaType}."),
        StatusCodes.Status429TooManyRequests => FhirRefusal.Of(status, OperationOutcome.IssueType.Throttled,
            "Your organisation sent more requests than allowed in this window. Wait for the Retry-After seconds."),
        StatusCodes.Status503ServiceUnavailable => FhirRefusal.Of(status, OperationOutcome.IssueType.Transient,
            "The hub cannot reach its database right now. Send the same referral again later; it is registered once at most."),
        _ => FhirRefusal.Of(status, OperationOutcome.IssueType.Exception,
            "Something went wrong in the hub. Send the same referral again; it is registered once at most."),
    };

    private sealed class FhirResult(Resource resource, int status, string? location) : IResult
    {
        public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = FhirSystems.MediaType + "; charset=utf-8";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            return httpContext.Response.WriteAsync(FhirJson.Write(resource));
        }
    }
}
