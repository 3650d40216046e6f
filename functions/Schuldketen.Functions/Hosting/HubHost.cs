using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Portal;
using Schuldketen.Functions.Problems;
using Schuldketen.Functions.Reports;
using Schuldketen.Functions.Signals;
using Schuldketen.Functions.Storage;
using Schuldketen.Functions.Timers;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// Composes the hub from its features: each adds its own services and options and maps its own endpoints. Building
/// fails with an <see cref="OptionsValidationException"/> (several: in an <see cref="AggregateException"/>) while any setting is broken.
/// </summary>
public static class HubHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddHubStore()
            .AddIdentity()
            .AddHubProblems()
            .AddRequestLimits()
            .AddPartnerApi()
            .AddSubscriptions()
            .AddFhir()
            .AddSignals()
            .AddReports()
            .AddBus()
            .AddTimers()
            .AddPages()
            .AddChannelPages()
            .AddDemo();

        var app = builder.Build();

        // Starting, the host would make its hosted services (the store among them) from the settings before it validates them.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseApiVersionHeader();
        app.UseHubProblems();
        app.UseAuthentication();
        app.UseRequestLimits();
        app.UseAuthorization();
        app.MapHealth()
            .MapPartnerApi()
            .MapSubscriptions()
            .MapFhir()
            .MapSignals()
            .MapReports()
            .MapPages();
        return app;
    }
}
