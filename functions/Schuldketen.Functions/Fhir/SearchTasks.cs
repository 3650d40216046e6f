using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Store.Referrals;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Functions.Fhir;

/// <summary>
/// <c>GET /fhir/r4/Task?owner=…&amp;status=…&amp;_lastUpdated=gt…</c>: the caller's own referrals as a
/// searchset Bundle, oldest first. A parameter this server does not support is refused, not ignored.
/// </summary>
public static class SearchTasks
{
    private static readonly string[] Parameters = ["owner", "status", "_lastUpdated"];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/Task", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, ReferralReader reader, CancellationToken cancellationToken)
    {
        var (caller, forbidden) = FhirRequest.Referrer(context);
        if (forbidden is not null)
        {
            return forbidden;
        }

        var query = context.Request.Query;
        if (query.Keys.FirstOrDefault(name => !Parameters.Contains(name)) is { } unknown)
        {
            return Invalid($"This server does not support the search parameter '{unknown}'. Use {string.Join(", ", Parameters)}.", unknown);
        }

        if (query["owner"].Count > 1 || query["status"].Count > 1)
        {
            return Invalid("Give owner and status at most once each; list several statuses comma-separated.", "owner");
        }

        string? owner = null;
        if (query["owner"].ToString() is { Length: > 0 } ownerText)
        {
            owner = ownerText.StartsWith(FhirSystems.Oin + "|", StringComparison.Ordinal) ? ownerText[(FhirSystems.Oin.Length + 1)..] : ownerText;
            if (owner.Length != 20 || !owner.All(char.IsAsciiDigit))
            {
                return Invalid($"owner is the municipality's 20-digit OIN, as '{FhirSystems.Oin}|<oin>' or '<oin>'.", "owner");
            }
        }

        var statuses = new HashSet<TaskStatus>();
        foreach (var code in query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumUtility.ParseLiteral<TaskStatus>(code) is not { } status)
            {
                return Invalid($"'{code}' is not a Task status. Use requested, accepted, rejected, in-progress, on-hold, completed, failed or cancelled.", "status");
            }

            statuses.Add(status);
        }

        var bounds = new List<Func<DateTimeOffset, bool>>();
        foreach (var value in query["_lastUpdated"])
        {
            if (LastUpdated(value) is not { } bound)
            {
                return Invalid("_lastUpdated is a prefix (gt, ge, lt, le; default eq) and a date or date-time, e.g. gt2026-03-01T00:00:00Z.", "_lastUpdated");
            }

            bounds.Add(bound);
        }

        var tasks = (await reader.OfReferrerAsync(caller!.AsSender(), owner, RequestTrace.TraceParent, cancellationToken))
            .Select(snapshot => (snapshot.Referral.Id, Task: ReferralTasks.From(snapshot)))
            .Where(found => found.Task.Meta?.LastUpdated is { } updated && bounds.All(bound => bound(updated)))
            .Where(found => statuses.Count == 0 || (found.Task.Status is { } status && statuses.Contains(status)))
            .ToList();
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = tasks.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{FhirInteractions.Base}/Task{context.Request.QueryString}" }],
        };
        bundle.Entry.AddRange(tasks.Select(found => new Bundle.EntryComponent
        {
            FullUrl = ReferralTasks.Location(found.Id), Resource = found.Task, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }));
        return FhirOutcomes.Resource(bundle);
    }

    private static Func<DateTimeOffset, bool>? LastUpdated(string? value)
    {
        if (value is not { Length: > 2 })
        {
            return null;
        }

        var prefix = char.IsAsciiLetter(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return null;
        }

        return prefix switch
        {
            "gt" => at => at > moment,
            "ge" => at => at >= moment,
            "lt" => at => at < moment,
            "le" => at => at <= moment,
            "eq" => at => at == moment,
            _ => null,
        };
    }

    private static IResult Invalid(string diagnostics, string parameter) =>
        FhirOutcomes.Refuse(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics, parameter);
}
