using Schuldketen.Contracts.Fhir;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// Writes what the framework answers by itself under <c>/fhir/r4</c> (status code pages, the exception
/// handler, authentication, the rate limiter, the body size limit) as an OperationOutcome; elsewhere
/// the next writer writes problem details.
/// </summary>
public sealed class FhirProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FhirOutcomes.Applies(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        response.ContentType = FhirSystems.MediaType + "; charset=utf-8";
        return new ValueTask(response.WriteAsync(FhirJson.Write(FhirOutcomes.ForStatus(status).ToOperationOutcome())));
    }
}
