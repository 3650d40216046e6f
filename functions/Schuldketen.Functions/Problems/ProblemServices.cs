namespace Schuldketen.Functions.Problems;

/// <summary>
/// Every error the hub answers is RFC 9457 problem details: its own refusals name their rule, and what the
/// framework answers by itself (status code pages, the exception handler) gets the hub's words, in Dutch on the pages.
/// </summary>
public static class ProblemServices
{
    public static IHostApplicationBuilder AddHubProblems(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The hub's own problems name their rule already; what the framework answers by itself gets the hub's words.
            if (problem.Type is null || !problem.Type.StartsWith(HubProblems.TypePrefix, StringComparison.Ordinal))
            {
                var status = problem.Status ?? StatusCodes.Status500InternalServerError;
                var known = PageProblems.Applies(context.HttpContext) ? PageProblems.ForStatus(status) : HubProblems.ForStatus(status);
                problem.Type = HubProblems.TypePrefix + (known?.Rule ?? "interne-fout");
                problem.Title = known?.Title ?? "Internal error";
                problem.Detail = known?.Detail ?? "Something went wrong in the hub. Retry with the same event id; an event is applied once at most.";
            }

            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
            }

            problem.Extensions.Remove("traceId");
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        return builder;
    }

    public static IApplicationBuilder UseHubProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// A request the client broke is the client's 4xx; a database out of reach (a transient error) is a
    /// 503 to retry; anything else is a 500, which no retry would cure.
    /// </summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Data.Common.DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException =>
            StatusCodes.Status503ServiceUnavailable,
        { InnerException: { } inner } => StatusFor(inner),
        _ => StatusCodes.Status500InternalServerError,
    };
}
