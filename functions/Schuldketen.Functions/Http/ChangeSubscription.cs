using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary><c>PUT /api/v1/subscriptions/{id}</c>: change the callback URL or the event types; the secret stays.</summary>
public static class ChangeSubscription
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/subscriptions/{id}", HandleAsync)
            .WithName("changeSubscription")
            .WithTags("Abonnementen")
            .WithSummary("Change a subscription's callback URL or event types");

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> HandleAsync(
        string id, SubscriptionRequest request, HttpContext context, DeliveryStore deliveries, CallbackPolicy policy, CancellationToken cancellationToken)
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

        if (!await deliveries.UpdateAsync(id, caller.Organisation, url!, request.EventTypes ?? [], cancellationToken))
        {
            return SubscriptionView.NotFound();
        }

        return TypedResults.Ok(SubscriptionView.From((await deliveries.FindAsync(id, caller.Organisation, cancellationToken))!));
    }
}
