using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Hosting;
using Schuldketen.Functions.Telemetry;

namespace Schuldketen.Functions.Worker;

/// <summary>
/// The Functions app: the hub's features as the embedded host runs them (relays and bus intake as hosted services),
/// its HTTP endpoints as HTTP functions and its timers as timer functions, and its telemetry also to Application Insights
/// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. No pages: the embedded host serves those.
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.AddHubFeatures();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetryServices.AzureMonitorSetting]))
        {
            builder.Services.AddOpenTelemetry().UseAzureMonitorExporter();
        }

        builder.Services.AddSingleton<HubEndpointSources>();
        builder.Services.AddSingleton<HubEndpoints>();
        builder.Services.AddSingleton<EndpointDataSource>(provider => new CompositeEndpointDataSource(provider.GetRequiredService<HubEndpointSources>()));
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
