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
/// the Functions app adds Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
/// </summary>
public static class TelemetryServices
{
    public const string ServiceName = "schuldketen";

    /// <summary>Runs the SDK without an exporter named in the settings, for exporters added in code (the tests' in-memory ones).</summary>
    public const string EnabledSetting = "Schuldketen:Telemetry:Enabled";

    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    private const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHostedService<OutboxGauges>();
        var settings = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(settings[OtlpSetting]);
        if (!otlp && string.IsNullOrWhiteSpace(settings[AzureMonitorSetting]) && !settings.GetValue<bool>(EnabledSetting))
        {
            // Without an exporter the SDK is not started: nothing listens, so no span is made and no measurement taken
            // (the instrumented code checks for listeners), and the hub runs at its speed without telemetry.
            return builder;
        }

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
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
