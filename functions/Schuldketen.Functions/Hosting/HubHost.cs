using Microsoft.Extensions.Options;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Portal;
using Schuldketen.Functions.Timers;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// The embedded host: the features both hosts run (<see cref="HubFeatures"/>), and the pages, the demo data and the
/// timers' own clock, which only this host has. Building fails with an <see cref="OptionsValidationException"/> (several:
/// in an <see cref="AggregateException"/>) while any setting is broken.
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

        builder.WebHost.ConfigureKestrel(RequestLimits.LimitRequestLine);
        builder.AddHubFeatures()
            .AddPages()
            .AddChannelPages()
            .AddDemo()
            .RunTimersInProcess();

        var app = builder.Build();

        // Starting, the host would make its hosted services (the store among them) from the settings before it validates them.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseHubEdge();
        app.UseConversationUploads();
        app.MapHubEndpoints();
        app.MapPages();
        return app;
    }
}
