using Hl7.Fhir.Model;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary><c>GET /fhir/r4/Task/{id}</c>: one of the caller's own referrals; anyone else's is as missing as one that does not exist.</summary>
public static class ReadTask
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/Task/{id}", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(string id, HttpContext context, ReferralReader reader, CancellationToken cancellationToken)
    {
        var (caller, forbidden) = FhirRequest.Referrer(context);
        if (forbidden is not null)
        {
            return forbidden;
        }

        return await reader.ReadAsync(id, caller!.AsSender(), RequestTrace.TraceParent, cancellationToken) is { } snapshot
            ? FhirOutcomes.Resource(ReferralTasks.From(snapshot))
            : NotFound();
    }

    public static IResult NotFound() => FhirOutcomes.Refuse(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
        "There is no Task with this id among your organisation's referrals.");
}
