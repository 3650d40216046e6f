using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/subscriptions/{id}</c>: one of the caller's subscriptions.</summary>
public static class GetSubscription
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/subscriptions/{id}", HandleAsync)
            .WithName("getSubscription")
            .WithTags("Abonnementen")
            .WithSummary("Read one of your organisation's subscriptions");

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, DeliveryStore deliveries, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var subscription = await deliveries.FindAsync(id, caller.Organisation, cancellationToken);
        return subscription is { EndedAt: null } ? TypedResults.Ok(SubscriptionView.From(subscription)) : SubscriptionView.NotFound();
    }
}
