using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>DELETE /api/v1/subscriptions/{id}</c>: end a subscription; nothing more is sent to it.</summary>
public static class EndSubscription
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/subscriptions/{id}", HandleAsync)
            .WithName("endSubscription")
            .WithTags("Abonnementen")
            .WithSummary("End a subscription");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, DeliveryStore deliveries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        return await deliveries.EndAsync(id, caller.Organisation, "Ended by its organisation.", time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : SubscriptionView.NotFound();
    }
}
