using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Auth;

/// <summary>The API's bearer tokens: from the configured identity provider, or signed by the hub itself in the embedded default.</summary>
public static class IdentityServices
{
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<AuthOptions>(builder.Configuration, AuthOptions.Section);
        services.AddSingleton(provider => new EmbeddedTokenIssuer(
            provider.GetRequiredService<HubKeys>(), provider.GetRequiredService<IOptions<AuthOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, EmbeddedTokenIssuer, TimeProvider>((jwt, configured, issuer, time) =>
            {
                var auth = configured.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new ValidatedTokens(time) { MapInboundClaims = false });
                jwt.Authority = auth.Authority;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = auth.Authority is null ? issuer.SigningKey : null,
                    NameClaimType = Caller.PersonClaim,
                    RoleClaimType = Caller.RoleClaim,

                    // Lifetimes are judged by the hub's clock, the same one its deadlines run on.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore <= now + parameters.ClockSkew) && (expires is null || expires >= now - parameters.ClockSkew);
                    },
                };
            });
        services.AddAuthorization();
        return builder;
    }
}
