using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Task = Hl7.Fhir.Model.Task;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// The rules a GP referral must meet: the resident's consent, a valid BSN, a request for debt help
/// and a Task that orders it, sent by the GP organisation in the token. Every broken rule becomes an
/// issue (422); a body that names another requester is refused outright (403). Diagnostics never
/// quote the BSN.
/// </summary>
public static partial class ReferralValidator
{
    public static (ReferralRequest? Request, FhirRefusal? Refusal) Validate(ReferralParts parts, string requester, DateTimeOffset now)
    {
        var issues = new List<OutcomeIssue>();
        if (OtherRequester(parts, requester) is { } refusal)
        {
            return (null, refusal);
        }

        var bsn = CheckPatient(parts.Patient, issues);
        CheckConsent(parts, issues);
        CheckServiceRequest(parts, issues);
        var (identifier, authoredOn, owner) = CheckTask(parts, bsn, now, issues);
        if (issues.Count > 0 || bsn is not { } valid)
        {
            return (null, new FhirRefusal(422, issues));
        }

        return (new ReferralRequest(valid, Postcode(parts.Patient!.Resource), owner, identifier, authoredOn), null);
    }

    private static FhirRefusal? OtherRequester(ReferralParts parts, string requester)
    {
        var named = new[]
        {
            (parts.ServiceRequest?.Resource.Requester, parts.ServiceRequest?.Path + ".requester"),
            (parts.Task?.Resource.Requester, parts.Task?.Path + ".requester"),
        };
        foreach (var (reference, path) in named)
        {
            if (reference is null)
            {
                continue;
            }

            if (reference.Identifier is not { System: FhirSystems.Oin, Value: { } oin })
            {
                return FhirRefusal.Of(422, OperationOutcome.IssueType.Invalid,
                    $"Name the requester by identifier (system '{FhirSystems.Oin}', your organisation's OIN), or leave it out: the hub knows who you are from your token.", path);
            }

            if (oin != requester)
            {
                return FhirRefusal.Of(403, OperationOutcome.IssueType.Forbidden,
                    "The requester must be your own organisation, the one in your token. Refer in your own name, or leave the requester out.", path);
            }
        }

        return null;
    }

    private static Bsn? CheckPatient(Located<Patient>? located, List<OutcomeIssue> issues)
    {
        if (located is not { Resource: var patient, Path: var path })
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, "The referral needs the Patient, with the BSN as identifier.", "Patient"));
            return null;
        }

        var bsns = patient.Identifier.Where(identifier => identifier.System == FhirSystems.Bsn).ToList();
        if (bsns.Count != 1)
        {
            var misplaced = patient.Identifier.Any(identifier => Bsn.TryParse(identifier.Value, out _));
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, misplaced && bsns.Count == 0
                ? $"A BSN must have the identifier system '{FhirSystems.Bsn}'."
                : $"Give exactly one identifier with system '{FhirSystems.Bsn}': the resident's BSN.", path + ".identifier"));
            return null;
        }

        if (!Bsn.TryParse(bsns[0].Value, out var bsn))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "The BSN is not valid: a BSN has 9 digits and passes the 11-check.", path + ".identifier"));
            return null;
        }

        return bsn;
    }

    private static void CheckConsent(ReferralParts parts, List<OutcomeIssue> issues)
    {
        if (parts.Consent is not { Resource: var consent, Path: var path })
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required,
                "The referral needs the resident's Consent (status 'active', provision.type 'permit'): without it the hub may not act on it.", "Consent"));
            return;
        }

        if (consent.Status != Consent.ConsentState.Active)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.BusinessRule,
                "The Consent must be active: only a resident's current consent lets the hub act on the referral.", path + ".status"));
        }

        if (parts.Patient is null || !ReferenceEquals(parts.Resolve(consent.Patient), parts.Patient.Resource))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.BusinessRule, "The Consent must be the consent of this referral's Patient.", path + ".patient"));
        }

        if (consent.Provision?.Type != Consent.ConsentProvisionType.Permit)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.BusinessRule, "The Consent must permit the referral: provision.type 'permit'.", path + ".provision.type"));
        }
    }

    private static void CheckServiceRequest(ReferralParts parts, List<OutcomeIssue> issues)
    {
        if (parts.ServiceRequest is not { Resource: var request, Path: var path })
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, "The referral needs the ServiceRequest for debt help that the Task is about.", "ServiceRequest"));
            return;
        }

        if (request.Status != RequestStatus.Active)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "The ServiceRequest must have status 'active'.", path + ".status"));
        }

        if (request.Intent != RequestIntent.Order)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "The ServiceRequest must have intent 'order'.", path + ".intent"));
        }

        if (!request.Category.Any(category => category.Coding.Any(coding => coding.System == FhirSystems.SdohTemporaryCodes && coding.Code == FhirSystems.FinancialInsecurity)))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value,
                $"The ServiceRequest's category must hold the code '{FhirSystems.FinancialInsecurity}' of '{FhirSystems.SdohTemporaryCodes}'.", path + ".category"));
        }

        if (request.Code is not { } code || (string.IsNullOrWhiteSpace(code.Text) && code.Coding.Count == 0))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, "The ServiceRequest's code must name the help asked for (debt help), as a coding or as text.", path + ".code"));
        }

        if (parts.Patient is null || !ReferenceEquals(parts.Resolve(request.Subject), parts.Patient.Resource))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Invalid, "The ServiceRequest's subject must be the referral's Patient.", path + ".subject"));
        }
    }

    private static (TaskIdentifier? Identifier, DateTimeOffset? AuthoredOn, string? Owner) CheckTask(
        ReferralParts parts, Bsn? bsn, DateTimeOffset now, List<OutcomeIssue> issues)
    {
        if (parts.Task is not { Resource: var task, Path: var path })
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, "The referral needs the Task (intent 'order', status 'requested') whose focus is the ServiceRequest.", "Task"));
            return (null, null, null);
        }

        if (task.Intent != Task.TaskIntent.Order)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "A referral Task has intent 'order'.", path + ".intent"));
        }

        if (task.Status != Task.TaskStatus.Requested)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "A new referral Task has status 'requested'.", path + ".status"));
        }

        if (parts.ServiceRequest is null || !ReferenceEquals(parts.Resolve(task.Focus), parts.ServiceRequest.Resource))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Invalid, "The Task's focus must reference the referral's ServiceRequest.", path + ".focus"));
        }

        if (task.For is { } subject && (parts.Patient is null || !ReferenceEquals(parts.Resolve(subject), parts.Patient.Resource)))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Invalid, "The Task's 'for' must be the referral's Patient, or be left out.", path + ".for"));
        }

        string? owner = null;
        if (task.Owner is { } addressed)
        {
            if (addressed.Identifier is { System: FhirSystems.Oin, Value: { } oin } && OinPattern().IsMatch(oin))
            {
                owner = oin;
            }
            else
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value,
                    $"Name the owner by identifier (system '{FhirSystems.Oin}', the municipality's 20-digit OIN), or leave it out to have the hub route the referral.", path + ".owner"));
            }
        }

        return (Identifier(task, bsn, path, issues), AuthoredOn(task, now, path, issues), owner);
    }

    private static TaskIdentifier? Identifier(Task task, Bsn? bsn, string path, List<OutcomeIssue> issues)
    {
        if (task.Identifier.FirstOrDefault() is not { Value: { Length: > 0 } value } identifier)
        {
            return null;
        }

        if (identifier.System == FhirSystems.Bsn || (bsn is { } known && value.Contains(known.Digits, StringComparison.Ordinal)) || value.Length > 200)
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value,
                "The Task's identifier is your own reference for the referral, at most 200 characters, and must not contain the BSN.", path + ".identifier"));
            return null;
        }

        return new TaskIdentifier(identifier.System, value);
    }

    private static DateTimeOffset? AuthoredOn(Task task, DateTimeOffset now, string path, List<OutcomeIssue> issues)
    {
        if (task.AuthoredOnElement?.TryToDateTimeOffset(out var authored) is not true)
        {
            if (task.AuthoredOn is not null)
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "authoredOn must be a date and time with a time zone.", path + ".authoredOn"));
            }

            return null;
        }

        if (authored > now.AddMinutes(5))
        {
            issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Value, "authoredOn, the moment of the referral, cannot lie in the future.", path + ".authoredOn"));
            return null;
        }

        return authored;
    }

    private static string? Postcode(Patient patient) =>
        patient.Address
            .Where(address => address.Use is not (Address.AddressUse.Old or Address.AddressUse.Temp))
            .Select(address => address.PostalCode?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .FirstOrDefault(postcode => postcode is not null && DutchPostcode().IsMatch(postcode));

    [GeneratedRegex("^[0-9]{20}$")]
    private static partial Regex OinPattern();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex DutchPostcode();
}
