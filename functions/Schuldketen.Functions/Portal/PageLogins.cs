using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// The pages' cookie logins, one for residents and one for professionals, each through an OpenID Connect
/// provider when <see cref="PortalOptions"/> names one; and the policies that require them.
/// </summary>
public static class PageLogins
{
    public static IHostApplicationBuilder AddPageLogins(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var portal = builder.Configuration.GetSection(PortalOptions.Section);
        var authentication = services.AddAuthentication();
        authentication.AddCookie(PageSchemes.Resident, cookie => Cookie(cookie, "schuldketen-bewoner", "/inloggen/bewoner"));
        authentication.AddCookie(PageSchemes.Staff, cookie => Cookie(cookie, "schuldketen-medewerker", "/inloggen/medewerker"));

        // Whether a login goes to a provider decides which schemes exist, so it is read here; its settings are read when first used.
        if (portal.GetSection(nameof(PortalOptions.Residents)).Exists())
        {
            authentication.AddOpenIdConnect(PageSchemes.ResidentOidc, _ => { });
            services.AddOptions<OpenIdConnectOptions>(PageSchemes.ResidentOidc).Configure<IOptions<PortalOptions>>((oidc, options) =>
            {
                if (options.Value.Residents is not { } residents)
                {
                    return;
                }

                Oidc(oidc, residents, PageSchemes.Resident, "/signin-bewoner");
                oidc.Events.OnTokenValidated = context =>
                {
                    var protector = context.HttpContext.RequestServices.GetRequiredService<SubjectProtector>();
                    if (context.Principal?.FindFirst(residents.BsnClaim)?.Value is not { } claim || !Bsn.TryParse(claim, out var bsn))
                    {
                        context.Fail("De inlog gaf geen geldig burgerservicenummer.");
                        return Task.CompletedTask;
                    }

                    // From here on only the keyed hash and the ciphertext travel, in the encrypted cookie.
                    context.Principal = PageSchemes.ResidentPrincipal(
                        protector.Hash(bsn), protector.Encrypt(bsn), context.Principal.FindFirst(PageSchemes.NameClaim)?.Value ?? "U", PageSchemes.Resident);
                    return Task.CompletedTask;
                };
            });
        }

        if (portal.GetSection(nameof(PortalOptions.Staff)).Exists())
        {
            authentication.AddOpenIdConnect(PageSchemes.StaffOidc, _ => { });
            services.AddOptions<OpenIdConnectOptions>(PageSchemes.StaffOidc).Configure<IOptions<PortalOptions>>((oidc, options) =>
            {
                if (options.Value.Staff is not { } staff)
                {
                    return;
                }

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
        return builder;
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
