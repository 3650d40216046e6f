using System.ComponentModel;
using System.Text.Json.Nodes;
using Schuldketen.Contracts.Events;
using Schuldketen.Functions.Problems;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/schemas/{type}</c>: the JSON Schema of an event type's data, generated from its contract record.</summary>
public static class GetSchema
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/schemas/{type}", Handle)
            .WithName("getEventSchema")
            .WithTags("Contracten")
            .WithSummary("Read the JSON Schema of an event type's data")
            .WithDescription("The JSON Schema that the data of a CloudEvent of this type must meet, generated from its contract.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static IResult Handle([Description("The event type, as listed by /event-types.")] string type) =>
        EventDataCatalogue.IsPartnerEvent(type)
            ? TypedResults.Text(EventDataCatalogue.SchemaJson(type), "application/schema+json")
            : HubProblems.Create(StatusCodes.Status404NotFound, "onbekend-eventtype", "Unknown event type",
                "There is no event type with this name in the catalogue; see /api/v1/event-types.");
}
