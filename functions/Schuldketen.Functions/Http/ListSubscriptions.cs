using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/subscriptions</c>: the caller's organisation's active subscriptions.</summary>
public static class ListSubscriptions
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/subscriptions", HandleAsync)
            .WithName("listSubscriptions")
            .WithTags("Abonnementen")
            .WithSummary("List your organisation's subscriptions");

    private static async Task<Results<Ok<IReadOnlyList<SubscriptionView>>, ProblemHttpResult>> HandleAsync(
        HttpContext context, DeliveryStore deliveries, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var subscriptions = await deliveries.ListAsync(caller.Organisation, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SubscriptionView>>(subscriptions.Select(subscription => SubscriptionView.From(subscription)).ToList());
    }
}
