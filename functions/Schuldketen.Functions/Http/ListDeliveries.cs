using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/subscriptions/{id}/deliveries</c>: the latest deliveries of a subscription; <c>status=failed</c> for those given up on.</summary>
public static class ListDeliveries
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/subscriptions/{id}/deliveries", HandleAsync)
            .WithName("listDeliveries")
            .WithTags("Abonnementen")
            .WithSummary("List a subscription's deliveries, e.g. the failed ones");

    private static async Task<Results<Ok<IReadOnlyList<Delivery>>, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, DeliveryStore deliveries, CancellationToken cancellationToken, string? status = null)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        DeliveryStatus? wanted = status switch
        {
            "pending" => DeliveryStatus.Pending,
            "delivered" => DeliveryStatus.Delivered,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (status is not null && wanted is null)
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldige-parameter", "Invalid query parameter",
                "status is pending, delivered or failed.", new Dictionary<string, object?> { ["invalidParams"] = new[] { new { name = "status", reason = "Use pending, delivered or failed." } } });
        }

        if (await deliveries.FindAsync(id, caller.Organisation, cancellationToken) is null)
        {
            return SubscriptionView.NotFound();
        }

        return TypedResults.Ok(await deliveries.DeliveriesAsync(id, wanted, cancellationToken));
    }
}
