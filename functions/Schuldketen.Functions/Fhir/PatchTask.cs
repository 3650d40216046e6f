using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Store.Referrals;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// <c>PATCH /fhir/r4/Task/{id}</c> (<c>application/json-patch+json</c>): the referrer cancels its
/// referral. That ends the referral and the GP's link to the trajectory; the resident's help goes on.
/// A referral that is closed already cannot be cancelled; cancelling twice answers the same.
/// </summary>
public static class PatchTask
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPatch("/Task/{id}", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        string id, HttpContext context, ReferralReader reader, ReferralIntake intake, CancellationToken cancellationToken)
    {
        var (caller, forbidden) = FhirRequest.Referrer(context);
        if (forbidden is not null)
        {
            return forbidden;
        }

        var (body, unsupported) = await FhirRequest.BodyAsync(context, [FhirInteractions.PatchMediaType]);
        if (unsupported is not null)
        {
            return unsupported;
        }

        if (TaskPatch.Refusal(body!) is { } invalid)
        {
            return FhirOutcomes.Refuse(invalid);
        }

        var sender = caller!.AsSender();
        if (await reader.ReadAsync(id, sender, RequestTrace.TraceParent, cancellationToken) is not { } current)
        {
            return ReadTask.NotFound();
        }

        var task = ReferralTasks.From(current);
        if (current.Referral.CancelledAt is null && task.Status is TaskStatus.Completed or TaskStatus.Failed or TaskStatus.Rejected or TaskStatus.Cancelled)
        {
            return FhirOutcomes.Refuse(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict,
                $"The referral is closed already (status '{TaskStatusMap.Code(task.Status!.Value)}'): there is nothing left to cancel.", "Task.status");
        }

        var cancelled = await intake.CancelAsync(id, sender, RequestTrace.TraceParent, cancellationToken);
        return FhirOutcomes.Resource(ReferralTasks.From(cancelled!));
    }
}
