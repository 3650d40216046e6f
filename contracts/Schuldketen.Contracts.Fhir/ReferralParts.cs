using Hl7.Fhir.Model;
using Task = Hl7.Fhir.Model.Task;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// The four resources of a referral, wherever they came from (entries of a transaction Bundle or
/// resources contained in the Task), with how their references resolve and where each one sits.
/// </summary>
public sealed record ReferralParts(
    Located<Patient>? Patient,
    Located<Consent>? Consent,
    Located<ServiceRequest>? ServiceRequest,
    Located<Task>? Task,
    Func<ResourceReference?, Resource?> Resolve)
{
    private static readonly string[] Accepted = ["Patient", "Consent", "ServiceRequest", "Task"];

    /// <summary>A transaction Bundle of one Patient, Consent, ServiceRequest and Task, each created with POST.</summary>
    public static (ReferralParts? Parts, FhirRefusal? Refusal) FromBundle(Bundle bundle)
    {
        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            return (null, FhirRefusal.Of(422, OperationOutcome.IssueType.Invalid,
                "Send the referral as a Bundle of type 'transaction'.", "Bundle.type"));
        }

        var issues = new List<OutcomeIssue>();
        var byAddress = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var found = new List<(Resource Resource, string Path)>();
        for (var index = 0; index < bundle.Entry.Count; index++)
        {
            var entry = bundle.Entry[index];
            var path = $"Bundle.entry[{index}]";
            if (entry.Resource is not { } resource)
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Required, "Every entry needs a resource.", path));
                continue;
            }

            if (!Accepted.Contains(resource.TypeName))
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.NotSupported,
                    $"A referral holds only {string.Join(", ", Accepted)}; leave out the {resource.TypeName}.", path + ".resource"));
                continue;
            }

            if (entry.Request is not { Method: Bundle.HTTPVerb.POST } request || request.Url != resource.TypeName)
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Invalid,
                    $"Each entry of the transaction creates its resource: request.method POST and request.url '{resource.TypeName}'.", path + ".request"));
            }

            if (entry.FullUrl is { Length: > 0 } fullUrl && !byAddress.TryAdd(fullUrl, resource))
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Duplicate, $"The fullUrl '{fullUrl}' is used by more than one entry.", path + ".fullUrl"));
            }

            if (resource.Id is { Length: > 0 } id)
            {
                byAddress.TryAdd($"{resource.TypeName}/{id}", resource);
            }

            found.Add((resource, path + ".resource"));
        }

        issues.AddRange(Duplicates(found));
        return issues.Count > 0
            ? (null, new FhirRefusal(422, issues))
            : (Collect(found, reference => reference?.Reference is { } address ? byAddress.GetValueOrDefault(address) : null), null);
    }

    /// <summary>A Task that carries the Patient, Consent and ServiceRequest as contained resources.</summary>
    public static (ReferralParts? Parts, FhirRefusal? Refusal) FromTask(Task task)
    {
        var issues = new List<OutcomeIssue>();
        var byId = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var found = new List<(Resource Resource, string Path)> { (task, "Task") };
        for (var index = 0; index < task.Contained.Count; index++)
        {
            var resource = task.Contained[index];
            var path = $"Task.contained[{index}]";
            if (!Accepted.Contains(resource.TypeName) || resource is Task)
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.NotSupported,
                    $"The Task may contain only a Patient, a Consent and a ServiceRequest; leave out the {resource.TypeName}.", path));
                continue;
            }

            if (resource.Id is not { Length: > 0 } id || !byId.TryAdd("#" + id, resource))
            {
                issues.Add(new OutcomeIssue(OperationOutcome.IssueType.Invalid, "Each contained resource needs its own id, referenced as '#id'.", path + ".id"));
            }

            found.Add((resource, path));
        }

        issues.AddRange(Duplicates(found));
        return issues.Count > 0
            ? (null, new FhirRefusal(422, issues))
            : (Collect(found, reference => reference?.Reference is { } address ? byId.GetValueOrDefault(address) : null), null);
    }

    private static IEnumerable<OutcomeIssue> Duplicates(List<(Resource Resource, string Path)> found) =>
        found.GroupBy(item => item.Resource.TypeName)
            .Where(group => group.Count() > 1)
            .Select(group => new OutcomeIssue(OperationOutcome.IssueType.Duplicate,
                $"A referral holds exactly one {group.Key}; this one holds {group.Count()}.", group.Last().Path));

    private static ReferralParts Collect(List<(Resource Resource, string Path)> found, Func<ResourceReference?, Resource?> resolve) => new(
        Find<Patient>(found), Find<Consent>(found), Find<ServiceRequest>(found), Find<Task>(found), resolve);

    private static Located<T>? Find<T>(List<(Resource Resource, string Path)> found)
        where T : Resource =>
        found.Where(item => item.Resource is T).Select(item => new Located<T>((T)item.Resource, item.Path)).FirstOrDefault();
}

/// <summary>A resource and the FHIRPath of where it sits in the request.</summary>
public sealed record Located<T>(T Resource, string Path)
    where T : Resource;
