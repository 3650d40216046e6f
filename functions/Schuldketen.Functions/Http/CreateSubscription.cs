using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>POST /api/v1/subscriptions</c>: subscribe a callback URL; the answer shows the signing secret, once.</summary>
public static class CreateSubscription
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/subscriptions", HandleAsync)
            .WithName("createSubscription")
            .WithTags("Abonnementen")
            .WithSummary("Subscribe to the events of your organisation's trajectories");

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> HandleAsync(
        SubscriptionRequest request, HttpContext context, DeliveryStore deliveries, CallbackPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var (url, invalid) = await request.ValidateAsync(policy, cancellationToken);
        if (invalid.Count > 0)
        {
            return SubscriptionRequest.Invalid(invalid);
        }

        var subscription = new Subscription(Guid.NewGuid().ToString(), caller.Organisation, url!, request.EventTypes ?? [],
            WebhookSignature.NewSecret(), time.GetUtcNow(), null, null);
        await deliveries.CreateAsync(subscription, cancellationToken);
        return TypedResults.Created($"/api/v1/subscriptions/{subscription.Id}", SubscriptionView.From(subscription, withSecret: true));
    }
}
