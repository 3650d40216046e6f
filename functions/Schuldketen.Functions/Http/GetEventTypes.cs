using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/event-types</c>: the catalogue of event types partners may send, with the roles that may send each.</summary>
public static class GetEventTypes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/event-types", Handle)
            .WithName("listEventTypes")
            .WithTags("Contracten")
            .WithSummary("List the event types partners may send, with the roles that may send them")
            .WithDescription("The catalogue of event types partners may send: for each its description, the roles that may send it and the address of its data's JSON Schema.")
            .Produces<IReadOnlyList<EventTypeView>>();

    private static IResult Handle(DefinitionLibrary library)
    {
        var types = EventCatalogue.All
            .Where(info => EventDataCatalogue.IsPartnerEvent(info.Type))
            .Select(info => new EventTypeView(
                info.Type,
                info.Description,
                library.All.SelectMany(definition => definition.Transitions)
                    .Where(transition => transition.EventType == info.Type)
                    .SelectMany(transition => transition.Roles)
                    .Concat(TrajectoryEngine.PhaseIndependentSenders(info.Type).Select(role => role.WireName()))
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToList(),
                $"/api/v1/schemas/{info.Type}"))
            .ToList();
        return TypedResults.Ok(types);
    }

}

public sealed record EventTypeView(string Type, string Description, IReadOnlyList<string> Roles, string Schema);
