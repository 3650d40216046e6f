using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// Shapes the OpenAPI document to Logius' API Design Rules: contact and semver in info, an https
/// server URL with the major version, paths relative to it.
/// </summary>
public sealed class ApiDesignRules : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string BasePath = "/api/v1";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Schuldketen API",
            Version = HubHost.ApiVersion,
            Description = "Status updates between the partners of the Dutch debt-help chain: CloudEvents in, trajectories out.",
            Contact = new OpenApiContact { Name = "Team Schuldketen", Email = "api@schuldketen.nl", Url = new Uri("https://schuldketen.nl/api") },
        };
        document.Servers = [new OpenApiServer { Url = "https://api.schuldketen.nl" + BasePath, Description = "Production" }];
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            paths.Add(path.StartsWith(BasePath, StringComparison.Ordinal) ? path[BasePath.Length..] : path, item);
        }

        document.Paths = paths;
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
