using Hl7.Fhir.Model;

namespace Schuldketen.Contracts.Fhir;

/// <summary>One thing wrong with a request: its kind, what to fix, and where (a FHIRPath expression).</summary>
public sealed record OutcomeIssue(OperationOutcome.IssueType Code, string Diagnostics, string? Expression = null);

/// <summary>A refused request: the HTTP status that fits it and every issue found.</summary>
public sealed record FhirRefusal(int Status, IReadOnlyList<OutcomeIssue> Issues)
{
    public static FhirRefusal Of(int status, OperationOutcome.IssueType code, string diagnostics, string? expression = null) =>
        new(status, [new OutcomeIssue(code, diagnostics, expression)]);

    /// <summary>The OperationOutcome of this refusal, with any BSN-like number hidden from its text.</summary>
    public OperationOutcome ToOperationOutcome() => new()
    {
        Issue = Issues.Select(issue => new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = issue.Code,
            Diagnostics = NumberMask.Hide(issue.Diagnostics),
            Expression = issue.Expression is { } expression ? [expression] : [],
        }).ToList(),
    };
}
