using Schuldketen.Contracts.Events;
using Schuldketen.Functions.Hosting;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/schemas/{type}</c>: the JSON Schema of an event type's data, generated from its contract record.</summary>
public static class GetSchema
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/schemas/{type}", Handle)
            .WithName("getEventSchema")
            .WithTags("Contracten")
            .WithSummary("Read the JSON Schema of an event type's data")
            .Produces<string>(StatusCodes.Status200OK, "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static IResult Handle(string type) =>
        EventDataCatalogue.IsPartnerEvent(type)
            ? TypedResults.Text(EventDataCatalogue.SchemaJson(type), "application/schema+json")
            : HubProblems.Create(StatusCodes.Status404NotFound, "onbekend-eventtype", "Unknown event type",
                "There is no event type with this name in the catalogue; see /api/v1/event-types.");
}
