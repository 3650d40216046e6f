using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Schuldketen.Functions.Hosting;

namespace Schuldketen.Functions.Worker;

/// <summary>
/// The embedded host's HTTP endpoints, mapped by the same <c>Map…</c> calls and run behind the same edge (version
/// header, problem details, token, limits, authorization): what an HTTP function runs for its request, so that no
/// handler, binding or check exists twice. The Functions host has routed the request already; the function names
/// its route, and the endpoint is the one the embedded host maps there for the request's method.
/// </summary>
public sealed class HubEndpoints : IEndpointRouteBuilder
{
    private const string AnyMethod = "*";

    private readonly Dictionary<(string Method, string Route), (RouteEndpoint Endpoint, TemplateMatcher Values)> endpoints;
    private readonly RequestDelegate edge;

    public HubEndpoints(IServiceProvider services, HubEndpointSources sources)
    {
        ServiceProvider = services;
        DataSources = sources;
        this.MapHubEndpoints();
        endpoints = DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => (Method: method, Route: RouteOf(endpoint), Endpoint: endpoint)))
            .ToDictionary(
                entry => (entry.Method, entry.Route),
                entry => (entry.Endpoint, new TemplateMatcher(TemplateParser.Parse(entry.Route), new RouteValueDictionary())));
        var app = new ApplicationBuilder(services);
        app.UseHubEdge();
        app.Run(context => context.GetEndpoint()!.RequestDelegate!(context));
        edge = app.Build();
    }

    public IServiceProvider ServiceProvider { get; }

    public ICollection<EndpointDataSource> DataSources { get; }

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);

    /// <summary>Runs the endpoint mapped at <paramref name="route"/> (as in a function's trigger: no leading slash) for the request; the answer is written to its response.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, string route)
    {
        var context = request.HttpContext;
        var (endpoint, matcher) = endpoints.TryGetValue((request.Method.ToUpperInvariant(), route), out var forMethod) ? forMethod : endpoints[(AnyMethod, route)];
        var values = new RouteValueDictionary();
        matcher.TryMatch(request.Path, values);
        request.RouteValues = values;
        context.SetEndpoint(endpoint);
        await edge(context);
        return new EmptyResult();
    }

    /// <summary>The route as a function's trigger names it: the endpoint's pattern without its leading or trailing slash.</summary>
    public static string RouteOf(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!.Trim('/');

    public static IEnumerable<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [AnyMethod];
}

/// <summary>
/// Where <see cref="HubEndpoints"/> keeps its endpoints. Apart from it, so that the OpenAPI description and the edge's
/// middleware (made while the endpoints are) can read them as the app's <see cref="EndpointDataSource"/> without a cycle.
/// </summary>
public sealed class HubEndpointSources : System.Collections.ObjectModel.Collection<EndpointDataSource>;
