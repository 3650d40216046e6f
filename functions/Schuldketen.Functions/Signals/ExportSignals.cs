using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// <c>GET /api/v1/signals/export</c>: for a signal partner that is not connected, the municipality downloads what the
/// partner may learn of its signals as CSV, to load into the platform the signals came from. Every cell that starts with a
/// formula character is escaped, as in every CSV the hub writes.
/// </summary>
public static class ExportSignals
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/signals/export", HandleAsync)
            .WithName("exportSignals")
            .WithTags("Vroegsignalering")
            .WithSummary("Report signals back to a partner that is not connected, as CSV (municipality)")
            .WithDescription(
                "Per signal of the partner (partnerType: DDAS EnumSignaalpartner, partnerName: its Organisatienaam as in the upload): the partner's ID, " +
                "signaaldatum and the DDAS status the partner may learn. Cells starting with =, +, -, @, tab or carriage return are prefixed with '.")
            .Produces(StatusCodes.Status200OK, contentType: SignalMediaTypes.Csv)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context, SignalReport report, string? partnerType, string? partnerName)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (caller.Role != PartnerRole.Municipality)
        {
            return CallerProblems.RoleMayNot("export signals to report back", "a municipality");
        }

        if (partnerType is null || !SignalPartnerTypes.ByWireName.ContainsKey(partnerType) || string.IsNullOrWhiteSpace(partnerName))
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldige-export", "Invalid export",
                $"Name the partner: partnerType one of {string.Join(", ", SignalPartnerTypes.All)}, and partnerName its organisation name as in the upload.",
                new Dictionary<string, object?> { ["invalidParams"] = new[] { new { name = "partnerType" }, new { name = "partnerName" } } });
        }

        context.Response.ContentType = SignalMediaTypes.Csv + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"vroegsignalen-terugmelding.csv\"";
        await using var text = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await using var csv = new CsvWriter(text, HubCsv.Configuration);
        foreach (var field in new[] { SignalFields.Id, SignalFields.PartnerType, SignalFields.PartnerName, SignalFields.SignalledOn, "status" })
        {
            csv.WriteField(field);
        }

        await csv.NextRecordAsync();
        await foreach (var signal in report.OfPartnerAsync(caller.Organisation, partnerType, partnerName.Trim()))
        {
            csv.WriteField(signal.Id);
            csv.WriteField(signal.PartnerType);
            csv.WriteField(signal.PartnerName);
            csv.WriteField(signal.SignalledOn);
            csv.WriteField(signal.Status);
            await csv.NextRecordAsync();
        }

        return TypedResults.Empty;
    }
}
