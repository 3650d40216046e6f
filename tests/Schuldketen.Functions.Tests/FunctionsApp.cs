using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Hosting;
using Schuldketen.Functions.Worker;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Tests;

/// <summary>
/// The Functions app as <see cref="WorkerHost.Build"/> builds it, on a fresh database of the given provider and a fake
/// clock, with the hub's hosted services started. No Functions host runs here: a test makes the function class and calls its method, as the host would, with an
/// <see cref="HttpRequest"/> in and the response written to it.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string dataDirectory;

    private FunctionsApp(IHost host, FakeTimeProvider clock, string dataDirectory)
    {
        this.host = host;
        this.dataDirectory = dataDirectory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public TrajectoryStore Store => Service<TrajectoryStore>();

    public static async Task<FunctionsApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"functions{Guid.NewGuid():N}");
        var configuration = new Dictionary<string, string?>
        {
            ["Schuldketen:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",

            // Where the worker would reach the Functions host: its services are made with it, never started here.
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
        };
        if (provider == TestDatabase.PostgreSql)
        {
            configuration["Schuldketen:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer)
            {
                Database = $"functions{Guid.NewGuid():N}",
            }.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var clock = new FakeTimeProvider(HubServer.ClockStart);
        var host = WorkerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        var app = new FunctionsApp(host, clock, dataDirectory);
        foreach (var service in app.HubServices)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return app;
    }

    /// <summary>
    /// The hub's own hosted services (relays, the bus intake, the signal import runner), which run in the worker beside
    /// its functions; the worker's connection to the Functions host is not among them, as no Functions host runs here.
    /// </summary>
    private IEnumerable<IHostedService> HubServices =>
        host.Services.GetServices<IHostedService>().Where(service => service.GetType().Assembly == typeof(HubFeatures).Assembly);

    public T Service<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>The function class as the Functions host makes it: from the app's services.</summary>
    public T Functions<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(host.Services);

    public string TokenFor(string organisation, PartnerRole role, string? person = null) =>
        Service<EmbeddedTokenIssuer>().Issue(organisation, role, person);

    /// <summary>A request as the Functions host hands it to an HTTP function, with the services of its own scope.</summary>
    public HttpRequest Request(string method, string pathAndQuery, string? token = null, string? body = null, string? contentType = null)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services.CreateScope().ServiceProvider };
        var request = context.Request;
        var query = pathAndQuery.IndexOf('?');
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("schuldketen-func.azurewebsites.net");
        request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (token is not null)
        {
            request.Headers.Authorization = $"Bearer {token}";
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = contentType;
            context.Features.Set<IHttpRequestBodyDetectionFeature>(new RequestBody());
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    /// <summary>What the Functions host does with the function's result, then the response as the caller receives it.</summary>
    public static async Task<FunctionAnswer> AnswerAsync(HttpRequest request, Task<IActionResult> function)
    {
        var context = request.HttpContext;
        var result = await function;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new FunctionAnswer(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, text);
    }

    /// <summary>Calls an HTTP function with a request made by <see cref="Request"/>, and reads its answer.</summary>
    public Task<FunctionAnswer> CallAsync(
        Func<HttpRequest, Task<IActionResult>> function, string method, string pathAndQuery, string? token = null, string? body = null, string? contentType = null)
    {
        var request = Request(method, pathAndQuery, token, body, contentType);
        return AnswerAsync(request, function(request));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in HubServices.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

/// <summary>What the server tells the endpoints of a request that came with a body, as Kestrel does behind the Functions host.</summary>
internal sealed class RequestBody : IHttpRequestBodyDetectionFeature
{
    public bool CanHaveBody => true;
}

/// <summary>An HTTP function's response: status, media type, headers and body.</summary>
internal sealed record FunctionAnswer(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
