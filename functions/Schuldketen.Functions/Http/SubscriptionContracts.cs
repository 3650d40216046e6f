using Schuldketen.Contracts;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Relays.Webhooks;

namespace Schuldketen.Functions.Http;

/// <summary>What a partner sends to subscribe or change a subscription; no event types means all of them.</summary>
public sealed record SubscriptionRequest(string? CallbackUrl, IReadOnlyList<string>? EventTypes = null)
{
    /// <summary>The fields that need fixing; the callback's address is checked against the policy as well.</summary>
    public async Task<(Uri? Url, List<object> Invalid)> ValidateAsync(CallbackPolicy policy, CancellationToken cancellationToken)
    {
        var invalid = new List<object>();
        Uri? url = null;
        if (CallbackUrl is not { Length: > 0 and <= 2048 } || !Uri.TryCreate(CallbackUrl, UriKind.Absolute, out url))
        {
            invalid.Add(new { name = "callbackUrl", reason = "Give an absolute URL of at most 2048 characters." });
        }
        else if (await policy.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            invalid.Add(new { name = "callbackUrl", reason = refusal });
        }

        foreach (var type in (EventTypes ?? []).Where(type => !EventCatalogue.Contains(type)))
        {
            invalid.Add(new { name = "eventTypes", reason = $"'{(type.Length > 100 ? type[..100] : type)}' is not an event type of the catalogue (/api/v1/event-types)." });
        }

        return (url, invalid);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(List<object> invalid) =>
        HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldig-abonnement", "Invalid subscription",
            "The subscription has fields that need fixing; see invalidParams.", new Dictionary<string, object?> { ["invalidParams"] = invalid });
}

/// <summary>A subscription as its owner sees it; the secret only in the answer to its creation.</summary>
public sealed record SubscriptionView(string Id, string CallbackUrl, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionView From(Subscription subscription, bool withSecret = false) => new(
        subscription.Id, subscription.CallbackUrl.ToString(), subscription.EventTypes, subscription.CreatedAt, withSecret ? subscription.Secret : null);

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() =>
        HubProblems.Create(StatusCodes.Status404NotFound, "abonnement-niet-gevonden", "Subscription not found",
            "Your organisation has no subscription with this id.");
}
