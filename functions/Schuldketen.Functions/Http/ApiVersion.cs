namespace Schuldketen.Functions.Http;

/// <summary>The version of the hub's interfaces, named on every answer in the <c>API-Version</c> header (API Design Rules /core/version-header).</summary>
public static class ApiVersion
{
    public const string Current = "1.0.0";
    public const string Header = "API-Version";

    public static IApplicationBuilder UseApiVersionHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers[Header] = Current;
            return next(context);
        });
}
