using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Schuldketen.Functions.Worker.Http;

/// <summary>The partner API under <c>/api/v1</c> as HTTP functions: events in, trajectories out, the event catalogue and the OpenAPI description.</summary>
public sealed class PartnerApiFunctions(HubEndpoints hub)
{
    private const string Events = "api/v1/events";
    private const string Trajectories = "api/v1/trajectories";
    private const string Trajectory = "api/v1/trajectories/{id}";
    private const string History = "api/v1/trajectories/{id}/history";
    private const string Timeline = "api/v1/trajectories/{id}/timeline";
    private const string NextEvents = "api/v1/trajectories/{id}/next-events";
    private const string EventTypes = "api/v1/event-types";
    private const string Schema = "api/v1/schemas/{type}";
    private const string OpenApi = "api/v1/openapi.json";
    private const string ApiReference = "api/v1/docs/{documentName?}";
    private const string ApiReferenceScript = "api/v1/docs/scalar.js";
    private const string ApiReferenceStartScript = "api/v1/docs/scalar.aspnetcore.js";
    private const string ApiReferenceIcon = "api/v1/docs/favicon.svg";

    [Function("postEvents")]
    public Task<IActionResult> PostEvents([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Events)] HttpRequest request) =>
        hub.RunAsync(request, Events);

    [Function("registerTrajectory")]
    public Task<IActionResult> RegisterTrajectory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Trajectories)] HttpRequest request) =>
        hub.RunAsync(request, Trajectories);

    [Function("listTrajectories")]
    public Task<IActionResult> ListTrajectories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Trajectories)] HttpRequest request) =>
        hub.RunAsync(request, Trajectories);

    [Function("getTrajectory")]
    public Task<IActionResult> GetTrajectory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Trajectory)] HttpRequest request) =>
        hub.RunAsync(request, Trajectory);

    [Function("getTrajectoryHistory")]
    public Task<IActionResult> GetTrajectoryHistory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = History)] HttpRequest request) =>
        hub.RunAsync(request, History);

    [Function("getTrajectoryTimeline")]
    public Task<IActionResult> GetTrajectoryTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Timeline)] HttpRequest request) =>
        hub.RunAsync(request, Timeline);

    [Function("getTrajectoryNextEvents")]
    public Task<IActionResult> GetTrajectoryNextEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NextEvents)] HttpRequest request) =>
        hub.RunAsync(request, NextEvents);

    [Function("listEventTypes")]
    public Task<IActionResult> ListEventTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = EventTypes)] HttpRequest request) =>
        hub.RunAsync(request, EventTypes);

    [Function("getEventSchema")]
    public Task<IActionResult> GetEventSchema([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Schema)] HttpRequest request) =>
        hub.RunAsync(request, Schema);

    [Function("getOpenApiDocument")]
    public Task<IActionResult> GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OpenApi)] HttpRequest request) =>
        hub.RunAsync(request, OpenApi);

    [Function("getApiReference")]
    public Task<IActionResult> GetApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiReference)] HttpRequest request) =>
        hub.RunAsync(request, ApiReference);

    [Function("getApiReferenceScript")]
    public Task<IActionResult> GetApiReferenceScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiReferenceScript)] HttpRequest request) =>
        hub.RunAsync(request, ApiReferenceScript);

    [Function("getApiReferenceStartScript")]
    public Task<IActionResult> GetApiReferenceStartScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiReferenceStartScript)] HttpRequest request) =>
        hub.RunAsync(request, ApiReferenceStartScript);

    [Function("getApiReferenceIcon")]
    public Task<IActionResult> GetApiReferenceIcon([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiReferenceIcon)] HttpRequest request) =>
        hub.RunAsync(request, ApiReferenceIcon);
}
