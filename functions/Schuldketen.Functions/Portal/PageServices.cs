using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Problems;
using Schuldketen.Functions.Settings;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Routes;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Store.Signals;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// The web pages: the resident's "Mijn schuldhulp" (<c>Portal/</c>) and the professional's
/// "Werkplek" (<c>Dashboard/</c>), server-rendered Razor Pages styled with NL Design System CSS,
/// with their own cookie logins next to the API's bearer tokens.
/// </summary>
public static class PageServices
{
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<PortalOptions>(builder.Configuration, PortalOptions.Section)
            .Validate<IOptions<DemoOptions>>(
                (portal, demo) => !demo.Value.DemoData || (portal.Residents is null && portal.Staff is null),
                "Schuldketen__DemoData is on while the pages log in through an identity provider (Schuldketen__Portal__Residents or "
                + "Schuldketen__Portal__Staff): set Schuldketen__DemoData=false, so that the pages offer no demo residents or counsellors.");
        builder.AddKeyRing();
        services.AddRazorPages(pages => pages.RootDirectory = "/")
            .ConfigureApplicationPartManager(parts =>
            {
                // Under a test host the entry assembly is not the hub, so its compiled pages are added by name.
                var assembly = typeof(PageServices).Assembly;
                if (parts.ApplicationParts.All(part => part.Name != assembly.GetName().Name))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        services.AddSingleton<ResidentReader>();
        services.AddSingleton<DeadlineRisk>();
        services.AddSingleton<RoutePlanner>();
        services.AddSingleton<ChainOverviewReader>();
        services.AddSingleton<OutreachWorklist>();
        services.AddSingleton<TrajectorySignals>();
        services.AddSingleton<OrganisationNames>();
        builder.AddPageLogins();
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "assets")),
            RequestPath = "/assets",
        });
        app.Use(async (context, next) =>
        {
            // Pages anyone may open (start, login) still show the menu of whoever is logged in.
            if (context.User.Identity?.IsAuthenticated != true && PageProblems.Applies(context))
            {
                foreach (var scheme in (string[])[PageSchemes.Resident, PageSchemes.Staff])
                {
                    if (await context.AuthenticateAsync(scheme) is { Succeeded: true } login)
                    {
                        context.User = login.Principal;
                        break;
                    }
                }
            }

            await next(context);
        });
        app.MapRazorPages();
        return app;
    }
}
