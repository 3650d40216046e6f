using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Schuldketen.Functions.Worker.Http;

/// <summary><c>/health/live</c> and <c>/health/ready</c> as HTTP functions, for the platform's health probe.</summary>
public sealed class HealthFunctions(HubEndpoints hub)
{
    private const string LiveRoute = "health/live";
    private const string ReadyRoute = "health/ready";

    [Function("healthLive")]
    public Task<IActionResult> Live([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LiveRoute)] HttpRequest request) =>
        hub.RunAsync(request, LiveRoute);

    [Function("healthReady")]
    public Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ReadyRoute)] HttpRequest request) =>
        hub.RunAsync(request, ReadyRoute);
}
