using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Portal;
using Schuldketen.Functions.Timers;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// The web pages: the resident's "Mijn schuldhulp" (<c>Portal/</c>) and the professional's
/// "Werkplek" (<c>Dashboard/</c>), server-rendered Razor Pages styled with NL Design System CSS,
/// with their own cookie logins next to the API's bearer tokens.
/// </summary>
public static class PageHosting
{
    public static void Add(WebApplicationBuilder builder, HubOptions options, string dataDirectory)
    {
        var services = builder.Services;
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "data-protection")));
        services.AddRazorPages(pages => pages.RootDirectory = "/")
            .ConfigureApplicationPartManager(parts =>
            {
                // Under a test host the entry assembly is not the hub, so its compiled pages are added by name.
                var assembly = typeof(PageHosting).Assembly;
                if (parts.ApplicationParts.All(part => part.Name != assembly.GetName().Name))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        services.AddSingleton<ResidentReader>();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<INotifier, InboxNotifier>();
        services.AddSingleton<NoticeRelay>();
        services.AddSingleton<DeadlineRisk>();
        services.AddSingleton<ChainStatistics>();
        services.AddSingleton<ChainOverviewReader>();
        services.AddSingleton<OrganisationNames>();
        services.AddHostedService<NotifyResidents>();

        var authentication = services.AddAuthentication();
        authentication.AddCookie(PageSchemes.Resident, cookie => Cookie(cookie, "schuldketen-bewoner", "/inloggen/bewoner"));
        authentication.AddCookie(PageSchemes.Staff, cookie => Cookie(cookie, "schuldketen-medewerker", "/inloggen/medewerker"));
        if (options.Portal.Residents is { } residents)
        {
            authentication.AddOpenIdConnect(PageSchemes.ResidentOidc, oidc =>
            {
                Oidc(oidc, residents, PageSchemes.Resident, "/signin-bewoner");
                oidc.Events.OnTokenValidated = context =>
                {
                    var protector = context.HttpContext.RequestServices.GetRequiredService<SubjectProtector>();
                    if (context.Principal?.FindFirst(residents.BsnClaim)?.Value is not { } claim || !Bsn.TryParse(claim, out var bsn))
                    {
                        context.Fail("De inlog gaf geen geldig burgerservicenummer.");
                        return Task.CompletedTask;
                    }

                    // From here on only the keyed hash travels, in the encrypted cookie.
                    context.Principal = PageSchemes.ResidentPrincipal(
                        protector.Hash(bsn), context.Principal.FindFirst(PageSchemes.NameClaim)?.Value ?? "U", PageSchemes.Resident);
                    return Task.CompletedTask;
                };
            });
        }

        if (options.Portal.Staff is { } staff)
        {
            authentication.AddOpenIdConnect(PageSchemes.StaffOidc, oidc =>
            {
                Oidc(oidc, staff, PageSchemes.Staff, "/signin-medewerker");
                oidc.Events.OnTokenValidated = context =>
                {
                    if (context.Principal is null || PageSchemes.StaffOf(context.Principal) is null)
                    {
                        context.Fail("Het token noemt geen organisatie (oin), rol (gemeente of schuldhulpverlener) en persoon (sub).");
                    }

                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(PageSchemes.ResidentPolicy, policy => policy
                .AddAuthenticationSchemes(PageSchemes.Resident)
                .RequireAssertion(context => PageSchemes.SubjectOf(context.User) is not null))
            .AddPolicy(PageSchemes.StaffPolicy, policy => policy
                .AddAuthenticationSchemes(PageSchemes.Staff)
                .RequireAssertion(context => PageSchemes.StaffOf(context.User) is not null));
    }

    public static void Map(WebApplication app)
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
    }

    private static void Cookie(CookieAuthenticationOptions cookie, string name, string loginPath)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.LoginPath = loginPath;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static void Oidc(OpenIdConnectOptions oidc, OidcLogin login, string signInScheme, string callbackPath)
    {
        oidc.Authority = login.Authority;
        oidc.ClientId = login.ClientId;
        oidc.ClientSecret = login.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        oidc.MapInboundClaims = false;
        oidc.SignInScheme = signInScheme;
        oidc.CallbackPath = callbackPath;
        oidc.Scope.Clear();
        foreach (var scope in login.Scopes)
        {
            oidc.Scope.Add(scope);
        }
    }
}
