using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// The step both ways of referring share (a transaction Bundle, or a Task with contained resources):
/// the referral's rules, then the intake. A retry is found by the Task's identifier or, without one,
/// by the exact body.
/// </summary>
public static class ReferralSubmit
{
    public static async Task<(ReferralOutcome? Outcome, IResult? Refusal)> RunAsync(
        ReferralParts parts, string body, Caller caller, ReferralIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (request, refusal) = ReferralValidator.Validate(parts, caller.Organisation, now);
        if (refusal is not null)
        {
            return (null, FhirOutcomes.Refuse(refusal));
        }

        var key = request!.Identifier?.ToString() ?? "body:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var outcome = await intake.SubmitAsync(new ReferralSubmission(
            caller.AsSender(), request.Bsn, request.Postcode, request.Owner, key, request.Identifier?.System, request.Identifier?.Value,
            request.AuthoredOn ?? now, RequestTrace.TraceParent), cancellationToken);
        return outcome.Problem is { } problem
            ? (null, FhirOutcomes.Refuse(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, problem, "Task.owner"))
            : (outcome, null);
    }
}
