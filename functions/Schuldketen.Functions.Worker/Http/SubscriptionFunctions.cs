using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Schuldketen.Functions.Worker.Http;

/// <summary>Webhook subscriptions and their deliveries under <c>/api/v1/subscriptions</c> as HTTP functions.</summary>
public sealed class SubscriptionFunctions(HubEndpoints hub)
{
    private const string Subscriptions = "api/v1/subscriptions";
    private const string Subscription = "api/v1/subscriptions/{id}";
    private const string Deliveries = "api/v1/subscriptions/{id}/deliveries";
    private const string Redelivery = "api/v1/subscriptions/{id}/deliveries/{deliveryId:long}/redelivery";

    [Function("createSubscription")]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Subscriptions)] HttpRequest request) =>
        hub.RunAsync(request, Subscriptions);

    [Function("listSubscriptions")]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Subscriptions)] HttpRequest request) =>
        hub.RunAsync(request, Subscriptions);

    [Function("getSubscription")]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Subscription)] HttpRequest request) =>
        hub.RunAsync(request, Subscription);

    [Function("changeSubscription")]
    public Task<IActionResult> ChangeSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Subscription)] HttpRequest request) =>
        hub.RunAsync(request, Subscription);

    [Function("endSubscription")]
    public Task<IActionResult> EndSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Subscription)] HttpRequest request) =>
        hub.RunAsync(request, Subscription);

    [Function("listDeliveries")]
    public Task<IActionResult> ListDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Deliveries)] HttpRequest request) =>
        hub.RunAsync(request, Deliveries);

    [Function("redeliver")]
    public Task<IActionResult> Redeliver([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Redelivery)] HttpRequest request) =>
        hub.RunAsync(request, Redelivery);
}
