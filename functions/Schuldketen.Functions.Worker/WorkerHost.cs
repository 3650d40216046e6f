using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Hosting;

namespace Schuldketen.Functions.Worker;

/// <summary>
/// The Functions app: the hub's features as the embedded host runs them (relays and bus intake as hosted services),
/// its HTTP endpoints as HTTP functions and its timers as timer functions. No pages: the embedded host serves those.
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.AddHubFeatures();
        builder.Services.AddSingleton<HubEndpointSources>();
        builder.Services.AddSingleton<HubEndpoints>();
        builder.Services.AddSingleton<EndpointDataSource>(provider => new CompositeEndpointDataSource(provider.GetRequiredService<HubEndpointSources>()));
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
