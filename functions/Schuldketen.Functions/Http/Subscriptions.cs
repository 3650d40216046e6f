namespace Schuldketen.Functions.Http;

/// <summary>The subscription functions, as in the VNG Notificaties API: a partner subscribes once and hears every event meant for it.</summary>
public static class Subscriptions
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        CreateSubscription.Map(routes);
        ListSubscriptions.Map(routes);
        GetSubscription.Map(routes);
        ChangeSubscription.Map(routes);
        EndSubscription.Map(routes);
        ListDeliveries.Map(routes);
        Redeliver.Map(routes);
    }
}
