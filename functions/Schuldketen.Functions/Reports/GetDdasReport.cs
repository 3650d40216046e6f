using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas.Report;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Outreach;
using Schuldketen.Workflows.Store.Outreach;

namespace Schuldketen.Functions.Reports;

/// <summary>
/// <c>GET /api/v1/reports/ddas/vroegsignalering?from=&amp;to=</c>: the calling municipality's early warning over a
/// period in DDAS's exchange model, ready to deliver to CBS. It holds the residents' personal data as the signals gave
/// it, so only the municipality may read it, and each case in it is audited.
/// </summary>
public static class GetDdasReport
{
    private const int MaxDays = 366;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/reports/ddas/vroegsignalering", HandleAsync)
            .WithName("getDdasEarlyWarningReport")
            .WithTags("Rapportages")
            .WithSummary("Your early warning over a period, in DDAS's exchange model for CBS (the municipality only)")
            .WithDescription(
                "Every outreach case of your municipality that was open on at least one day from 'from' to 'to' (both included, Dutch dates), " +
                "with its signals, contact attempts and end result, in VNG Realisatie's DDAS Uitwisselmodel for vroegsignalering, schema v0.1. " +
                "It contains the residents' personal data as the signals gave it: each case in it is recorded in the audit trail.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<JsonHttpResult<DdasDelivery>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        DdasReporter reporter,
        IOptions<DdasReportOptions> options,
        CancellationToken cancellationToken,
        [Description("The first day of the period, as YYYY-MM-DD.")] DateOnly? from = null,
        [Description("The last day of the period, as YYYY-MM-DD; at most 366 days after from.")] DateOnly? to = null)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (caller.Role != PartnerRole.Municipality)
        {
            return CallerProblems.RoleMayNot("read the DDAS early-warning report", "the municipality");
        }

        var invalid = new List<object>();
        if (from is null)
        {
            invalid.Add(new { name = "from", reason = "Give the first day of the period as YYYY-MM-DD." });
        }

        if (to is null)
        {
            invalid.Add(new { name = "to", reason = "Give the last day of the period as YYYY-MM-DD." });
        }

        if (from is { } first && to is { } last && (last < first || last.DayNumber - first.DayNumber > MaxDays))
        {
            invalid.Add(new { name = "to", reason = $"Give a last day on or after from, at most {MaxDays} days later." });
        }

        if (invalid.Count > 0)
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldige-parameter", "Invalid query parameter",
                "The period is missing or out of range; see invalidParams.", new Dictionary<string, object?> { ["invalidParams"] = invalid });
        }

        var settings = options.Value;
        if (!settings.MunicipalityCodes.TryGetValue(caller.Organisation, out var municipalityCode))
        {
            return HubProblems.Create(StatusCodes.Status409Conflict, "gemeentecode-onbekend", "Municipality code not configured",
                "The hub does not know your municipality's CBS gemeentecode, which every DDAS delivery names. Ask the hub's operator to set " +
                $"Schuldketen__Reports__Ddas__MunicipalityCodes__{caller.Organisation} (GM and four digits).");
        }

        var delivery = await reporter.ReadAsync(
            caller.AsSender(), new DdasDeliverer(settings.SupplierCode, municipalityCode), new ReportPeriod(from!.Value, to!.Value), RequestTrace.TraceParent,
            cancellationToken);
        return TypedResults.Json(delivery, DdasJson.Options);
    }
}
