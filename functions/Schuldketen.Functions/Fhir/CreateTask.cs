using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// <c>POST /fhir/r4/Task</c>: the referral as one Task that contains its Patient, Consent and
/// ServiceRequest. 201 with the Task and its Location; the same referral again: 200 with the first.
/// </summary>
public static class CreateTask
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/Task", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, ReferralIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var (posted, refusal) = await FhirRequest.ReferralAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var (caller, body, resource) = posted!;

        if (resource is not Hl7.Fhir.Model.Task task)
        {
            return FhirOutcomes.Refuse(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"POST {FhirInteractions.Base}/Task takes a Task, not a {resource.TypeName}. A transaction Bundle goes to {FhirInteractions.Base}.");
        }

        var (parts, invalid) = ReferralParts.FromTask(task);
        if (invalid is not null)
        {
            return FhirOutcomes.Refuse(invalid);
        }

        var (outcome, refused) = await ReferralSubmit.RunAsync(parts!, body, caller, intake, time, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var referral = outcome!.Referral!;
        return FhirOutcomes.Resource(ReferralTasks.From(referral), outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            ReferralTasks.Location(referral.Referral.Id));
    }
}
