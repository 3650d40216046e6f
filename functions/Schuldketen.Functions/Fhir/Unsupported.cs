using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// Everything under <c>/fhir/r4</c> that the CapabilityStatement does not declare: a method this
/// address does not take, or a resource type this server does not serve, is 405 with the Allow header;
/// a name that is no FHIR R4 resource type is 404, as FHIR's HTTP rules say for an unsupported type.
/// </summary>
public static class Unsupported
{
    private static readonly string[] AnyMethod = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>Mapped last in order, so it answers only what no supported interaction matched.</summary>
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{**path}", AnyMethod, Handle).WithOrder(int.MaxValue).ExcludeFromDescription();

    private static IResult Handle(HttpContext context, string? path = null)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[0] != "metadata" && !ModelInfo.IsKnownResource(segments[0]))
        {
            return FhirOutcomes.Refuse(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported,
                $"'{segments[0]}' is not a FHIR R4 resource type. This server serves Task only; see {FhirInteractions.Base}/metadata.");
        }

        var address = segments.Length == 2 ? segments[0] + "/{id}" : string.Join('/', segments);
        var allowed = FhirInteractions.MethodsAt(address);
        if (allowed.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }

        var what = segments.Length == 0 ? "the base address" : segments[0] == "Task" ? "this Task address" : $"'{segments[0]}'";
        return FhirOutcomes.Refuse(StatusCodes.Status405MethodNotAllowed, OperationOutcome.IssueType.NotSupported, (allowed.Count, segments.FirstOrDefault()) switch
        {
            ( > 0, _) => $"{context.Request.Method} is not supported at {what}; it takes {string.Join(", ", allowed)}. See {FhirInteractions.Base}/metadata.",
            (_, "Task") => $"This server supports Task at {FhirInteractions.Base}/Task and {FhirInteractions.Base}/Task/{{id}} only, without history or operations. See {FhirInteractions.Base}/metadata.",
            _ => $"This server does not serve {what}: it serves Task only. See {FhirInteractions.Base}/metadata.",
        });
    }
}
