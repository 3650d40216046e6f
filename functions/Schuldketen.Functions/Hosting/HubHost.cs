using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Scalar.AspNetCore;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Timers;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Projections;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Intake;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Projections;
using Schuldketen.Workflows.Store.Referrals;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Functions.Hosting;

/// <summary>Builds the hub: services, the request pipeline and every function's endpoint.</summary>
public static class HubHost
{
    public const string ApiVersion = "1.0.0";
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        builder.Services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.Section));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.Limits.MaxRequestBytes;

            // Long enough that the API's own checks answer an oversized query with problem details;
            // beyond it Kestrel refuses the request line itself (414, without a body).
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
        });

        AddDomain(builder, options);
        AddIdentity(builder, options);
        AddHttp(builder, options);
        PageHosting.Add(builder, options, options.DataDirectory ?? StoreSettings.DefaultDataDirectory());

        var app = builder.Build();
        UsePipeline(app);
        MapFunctions(app);
        return app;
    }

    private static void AddDomain(WebApplicationBuilder builder, HubOptions options)
    {
        var dataDirectory = options.DataDirectory ?? StoreSettings.DefaultDataDirectory();
        var keys = HubKeys.Load(builder.Configuration, dataDirectory);
        var services = builder.Services;
        services.AddSingleton(keys);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(LegalCalendar.Default);
        services.AddSingleton(provider => DefinitionLibrary.LoadShipped(provider.GetRequiredService<LegalCalendar>()));
        services.AddSingleton<TrajectoryEngine>();
        services.AddSingleton<DeadlineClock>();
        services.AddSingleton<TimelinePredictor>();
        services.AddSingleton<AudienceProjector>();
        services.AddSingleton<TrajectoryReader>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton(new SubjectProtector(keys.SubjectHash, keys.SubjectEncryption));
        services.AddSingleton(new HubIdentity(options.HubOin));
        services.AddSingleton(provider => TrajectoryStore.Open(
            options.Postgres is { Length: > 0 } postgres
                ? StoreSettings.PostgreSql(postgres)
                : StoreSettings.EmbeddedDefault(dataDirectory),
            provider.GetRequiredService<TrajectoryEngine>(),
            provider.GetRequiredService<DeadlineClock>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new DeliveryStore(
            provider.GetRequiredService<TrajectoryStore>(), SecretBox.For(keys.SubjectEncryption, "schuldketen webhook secrets")));
        services.AddSingleton(new CallbackPolicy(
            options.Webhooks.AllowHttp ?? options.Postgres is not { Length: > 0 }, options.Webhooks.AllowLoopback, options.Webhooks.AllowPrivateNetworks));
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton(provider => new WebhookRelay(
            provider.GetRequiredService<DeliveryStore>(),
            provider.GetRequiredService<HubIdentity>(),
            new HttpClient(CallbackHandler.Create(provider.GetRequiredService<CallbackPolicy>())),
            provider.GetRequiredService<RetrySchedule>(),
            provider.GetRequiredService<TimeProvider>(),
            new RelaySettings($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}")));
        services.AddHostedService<RelayOutbox>();
        BusServices.Add(services, options);
        services.AddSingleton<DemoSeed>();
        AddReferrals(services, options);
        services.AddHostedService<FireDueDeadlines>();
        services.AddHostedService<DemoStartup>();
    }

    private static void AddReferrals(IServiceCollection services, HubOptions options)
    {
        var defaults = new Dictionary<string, string>(options.Referrals.DefaultMunicipalities);
        if (options.DemoData)
        {
            defaults.TryAdd(DemoOrganisations.GeneralPractice.Oin, DemoOrganisations.Municipality.Oin);
        }

        services.AddSingleton(new ReferralSettings(
            new PostcodeRouting(options.Referrals.PostcodeRanges.Select(range => new PostcodeRange(range.From, range.To, range.Municipality)).ToList(), defaults),
            options.MunicipalityDefinitions, options.DefaultDefinition, options.HubOin));
        services.AddSingleton<ReferralStore>();
        services.AddSingleton<ReferralReader>();
        services.AddSingleton<ReferralIntake>();
    }

    private static void AddIdentity(WebApplicationBuilder builder, HubOptions options)
    {
        builder.Services.AddSingleton(provider => new EmbeddedTokenIssuer(
            provider.GetRequiredService<HubKeys>(), options.Auth, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<EmbeddedTokenIssuer, TimeProvider>((jwt, issuer, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.Authority = options.Auth.Authority;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Auth.Issuer,
                    ValidAudience = options.Auth.Audience,
                    IssuerSigningKey = options.Auth.Authority is null ? issuer.SigningKey : null,
                    NameClaimType = Caller.PersonClaim,
                    RoleClaimType = Caller.RoleClaim,

                    // Lifetimes are judged by the hub's clock, the same one its deadlines run on.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore <= now + parameters.ClockSkew) && (expires is null || expires >= now - parameters.ClockSkew);
                    },
                };
            });
        builder.Services.AddAuthorization();
    }

    private static void AddHttp(WebApplicationBuilder builder, HubOptions options)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        // Before the default writer: under /fhir/r4 the framework's own errors become OperationOutcomes.
        services.AddSingleton<IProblemDetailsWriter, FhirProblemWriter>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The hub's own problems name their rule already; what the framework answers by itself gets the hub's words.
            if (problem.Type is null || !problem.Type.StartsWith(HubProblems.TypePrefix, StringComparison.Ordinal))
            {
                var status = problem.Status ?? StatusCodes.Status500InternalServerError;
                var known = PageProblems.Applies(context.HttpContext) ? PageProblems.ForStatus(status) : HubProblems.ForStatus(status);
                problem.Type = HubProblems.TypePrefix + (known?.Rule ?? "interne-fout");
                problem.Title = known?.Title ?? "Internal error";
                problem.Detail = known?.Detail ?? "Something went wrong in the hub. Retry with the same event id; an event is applied once at most.";
            }

            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
            }

            problem.Extensions.Remove("traceId");
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    Caller.From(context.User)?.Organisation ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Limits.RequestsPerWindow, Window = options.Limits.Window }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)options.Limits.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<ApiDesignRules>().AddOperationTransformer<ApiDesignRules>());
    }

    private static void UsePipeline(WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers["API-Version"] = ApiVersion;
            return next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    /// <summary>
    /// A request the client broke is the client's 4xx; a database out of reach (a transient error) is a
    /// 503 to retry; anything else is a 500, which no retry would cure.
    /// </summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Data.Common.DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException =>
            StatusCodes.Status503ServiceUnavailable,
        { InnerException: { } inner } => StatusFor(inner),
        _ => StatusCodes.Status500InternalServerError,
    };

    private static void MapFunctions(WebApplication app)
    {
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapScalarApiReference("/api/v1/docs", scalar => scalar.WithOpenApiRoutePattern("/api/v1/openapi.json").WithTitle("Schuldketen API"));
        Health.Map(app);
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        PostEvents.Map(api);
        RegisterTrajectory.Map(api);
        ListTrajectories.Map(api);
        GetTrajectory.Map(api);
        GetHistory.Map(api);
        GetTimeline.Map(api);
        GetNextEvents.Map(api);
        Subscriptions.Map(api);
        var open = app.MapGroup("/api/v1");
        GetEventTypes.Map(open);
        GetSchema.Map(open);
        var fhir = app.MapGroup(Contracts.Fhir.FhirInteractions.Base);
        GetMetadata.Map(fhir);
        Unsupported.Map(fhir);
        var referrals = fhir.MapGroup(string.Empty).RequireAuthorization();
        PostTransaction.Map(referrals);
        CreateTask.Map(referrals);
        SearchTasks.Map(referrals);
        ReadTask.Map(referrals);
        PatchTask.Map(referrals);
        PageHosting.Map(app);
    }
}
