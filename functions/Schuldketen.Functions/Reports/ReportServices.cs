using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Store.Outreach;

namespace Schuldketen.Functions.Reports;

/// <summary>Reports a municipality delivers from the hub's data: the DDAS early-warning delivery to CBS.</summary>
public static class ReportServices
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<DdasReportOptions>(builder.Configuration, DdasReportOptions.Section);
        builder.Services.AddSingleton<OutreachCaseReader>();
        builder.Services.AddSingleton<DdasReporter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        GetDdasReport.Map(app.MapGroup("/api/v1").RequireAuthorization());
        return app;
    }
}
