using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Schuldketen.Workflows.Relays;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: the hub's own spans and instruments (<see cref="HubTelemetry"/>) with ASP.NET Core,
/// HttpClient and Npgsql, traces, metrics and logs. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// the Functions app adds Azure Monitor. Without an exporter the spans and measurements are made and dropped.
/// </summary>
public static class TelemetryServices
{
    public const string ServiceName = "schuldketen";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHostedService<OutboxGauges>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(HubTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(HubTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
