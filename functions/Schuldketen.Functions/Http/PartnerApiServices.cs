using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Schuldketen.Functions.Http;

/// <summary>The partner API under <c>/api/v1</c>: CloudEvents in, trajectories out, the event catalogue, and its OpenAPI description.</summary>
public static class PartnerApiServices
{
    private const string DocumentPath = ApiDesignRules.BasePath + "/openapi.json";

    public static IHostApplicationBuilder AddPartnerApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<ApiDesignRules>().AddOperationTransformer<ApiDesignRules>());
        return builder;
    }

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(ApiDesignRules.BasePath + "/docs", scalar => scalar.WithOpenApiRoutePattern(DocumentPath).WithTitle("Schuldketen API"));
        var api = app.MapGroup(ApiDesignRules.BasePath).RequireAuthorization();
        PostEvents.Map(api);
        RegisterTrajectory.Map(api);
        ListTrajectories.Map(api);
        GetTrajectory.Map(api);
        GetHistory.Map(api);
        GetTimeline.Map(api);
        GetNextEvents.Map(api);
        var open = app.MapGroup(ApiDesignRules.BasePath);
        GetEventTypes.Map(open);
        GetSchema.Map(open);
        return app;
    }
}
