using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Http;

/// <summary>The limits every request meets, the API's, FHIR's and the pages' alike: body size (413) and a fixed window per organisation (429).</summary>
public static class RequestLimits
{
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<LimitOptions>(builder.Configuration, LimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    Caller.From(context.User)?.Organisation ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.RequestsPerWindow, Window = limits.Window }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)limits.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// Long enough that the API's own checks answer an oversized query with problem details; beyond it Kestrel refuses
    /// the request line itself (414, without a body). Only the embedded host runs Kestrel itself.
    /// </summary>
    public static void LimitRequestLine(KestrelServerOptions kestrel) => kestrel.Limits.MaxRequestLineSize = 16 * 1024;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        // Per request rather than in Kestrel's options: the server is made before the settings are validated.
        var maxRequestBytes = app.ApplicationServices.GetRequiredService<IOptions<LimitOptions>>().Value.MaxRequestBytes;
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = maxRequestBytes;
            }

            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }
}
