using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Problems;
using Schuldketen.Functions.Reports;
using Schuldketen.Functions.Signals;
using Schuldketen.Functions.Storage;
using Schuldketen.Functions.Telemetry;
using Schuldketen.Functions.Timers;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// What both hosts run, the embedded host and the Functions app alike: the features' services (relays and the
/// partners' bus intake as hosted services among them), their HTTP endpoints, and the edge every request passes.
/// </summary>
public static class HubFeatures
{
    public static IHostApplicationBuilder AddHubFeatures(this IHostApplicationBuilder builder) =>
        builder.AddHubStore()
            .AddIdentity()
            .AddHubProblems()
            .AddRequestLimits()
            .AddPartnerApi()
            .AddSubscriptions()
            .AddFhir()
            .AddSignals()
            .AddConversations()
            .AddReports()
            .AddBus()
            .AddTimers()
            .AddTelemetry();

    public static IEndpointRouteBuilder MapHubEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapHealth()
            .MapPartnerApi()
            .MapSubscriptions()
            .MapFhir()
            .MapSignals()
            .MapReports();

    /// <summary>What every request meets before its endpoint runs: the version header, problem details, the caller's token, the limits and the endpoint's authorization.</summary>
    public static IApplicationBuilder UseHubEdge(this IApplicationBuilder app) =>
        app.UseApiVersionHeader()
            .UseHubProblems()
            .UseAuthentication()
            .UseRequestLimits()
            .UseAuthorization();
}
