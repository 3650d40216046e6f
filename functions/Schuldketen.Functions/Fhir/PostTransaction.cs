using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// <c>POST /fhir/r4</c>: a GP's referral as a transaction Bundle (Patient, Consent, ServiceRequest,
/// Task). Answers a transaction-response: the Task's entry carries the Task the hub keeps; the
/// other resources were read for the referral and are not kept, which their entries say.
/// </summary>
public static class PostTransaction
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, ReferralIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var (posted, refusal) = await FhirRequest.ReferralAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var (caller, body, resource) = posted!;

        if (resource is not Bundle bundle)
        {
            return FhirOutcomes.Refuse(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"POST {FhirInteractions.Base} takes a transaction Bundle, not a {resource.TypeName}. A single Task goes to {FhirInteractions.Base}/Task.");
        }

        var (parts, invalid) = ReferralParts.FromBundle(bundle);
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
        var location = ReferralTasks.Location(referral.Referral.Id);
        var task = ReferralTasks.From(referral);
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        foreach (var entry in bundle.Entry)
        {
            response.Entry.Add(entry.Resource is Hl7.Fhir.Model.Task
                ? new Bundle.EntryComponent
                {
                    FullUrl = location,
                    Resource = task,
                    Response = new Bundle.ResponseComponent
                    {
                        Status = outcome.Created ? "201 Created" : "200 OK", Location = location, LastModified = task.Meta?.LastUpdated,
                    },
                }
                : new Bundle.EntryComponent
                {
                    Response = new Bundle.ResponseComponent
                    {
                        Status = "200 OK",
                        Outcome = new OperationOutcome
                        {
                            Issue =
                            [
                                new OperationOutcome.IssueComponent
                                {
                                    Severity = OperationOutcome.IssueSeverity.Information,
                                    Code = OperationOutcome.IssueType.Informational,
                                    Diagnostics = $"The {entry.Resource!.TypeName} was read for the referral and is not kept.",
                                },
                            ],
                        },
                    },
                });
        }

        return FhirOutcomes.Resource(response);
    }
}
