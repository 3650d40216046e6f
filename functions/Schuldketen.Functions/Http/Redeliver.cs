using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/redelivery</c>: try a failed delivery again, from the start of the schedule.</summary>
public static class Redeliver
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/subscriptions/{id}/deliveries/{deliveryId:long}/redelivery", HandleAsync)
            .WithName("redeliver")
            .WithTags("Abonnementen")
            .WithSummary("Ask for a failed delivery to be sent again");

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        string id, long deliveryId, HttpContext context, DeliveryStore deliveries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (await deliveries.FindAsync(id, caller.Organisation, cancellationToken) is null)
        {
            return SubscriptionView.NotFound();
        }

        return await deliveries.RedeliverAsync(id, deliveryId, time.GetUtcNow(), cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : HubProblems.Create(StatusCodes.Status409Conflict, "niet-opnieuw-te-bezorgen", "Not redeliverable",
                "Only a failed delivery of an active subscription can be sent again.");
    }
}
