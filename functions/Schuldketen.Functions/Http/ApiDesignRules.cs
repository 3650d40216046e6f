using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Schuldketen.Functions.Http;

/// <summary>
/// Shapes the OpenAPI document to Logius' API Design Rules: contact and semver in info, an https
/// server URL with the major version, paths relative to it, the <c>API-Version</c> header on every
/// success, RFC 9457 problem details on every error, a 400 wherever input can be wrong, and the
/// refusals the pipeline itself answers (authentication, rate limit, server errors).
/// </summary>
public sealed class ApiDesignRules : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string BasePath = "/api/v1";

    private const string VersionHeader = ApiVersion.Header;
    private const string ProblemMediaType = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string BearerScheme = "bearer";
    private const string LocationHeader = "Location";
    private const string RetryAfterHeader = "Retry-After";

    /// <summary>What each refusal means for a caller, in place of the bare reason phrase.</summary>
    private static readonly Dictionary<int, string> ErrorDescriptions = new()
    {
        [StatusCodes.Status400BadRequest] =
            "The request is invalid: a parameter, header or the body breaks a rule. The problem's type names the rule; invalidParams lists the fields, where known.",
        [StatusCodes.Status401Unauthorized] = "No valid bearer token of your organisation in the Authorization header.",
        [StatusCodes.Status403Forbidden] = "The token lacks your organisation's OIN or role, or your role may not do this.",
        [StatusCodes.Status404NotFound] =
            "Not found: no such resource, or a trajectory your organisation does not take part in (both answer alike, so ids cannot be probed).",
        [StatusCodes.Status409Conflict] = "Valid, but not permitted now: the trajectory's current phase does not allow it.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than the hub accepts. Send less, or split a batch.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body's Content-Type is not one this operation accepts.",
        [StatusCodes.Status429TooManyRequests] = "Your organisation sent more requests than allowed in this window. Retry after the Retry-After seconds.",
        [StatusCodes.Status500InternalServerError] = "Something went wrong in the hub. Retry with the same event id; an event is applied once at most.",
        [StatusCodes.Status503ServiceUnavailable] = "The hub cannot reach its database right now. Retry after the Retry-After seconds; nothing was lost.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Schuldketen API",
            Version = ApiVersion.Current,
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

        var components = document.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas[ProblemSchema] = Problem();
        components.Headers = new Dictionary<string, IOpenApiHeader>
        {
            [VersionHeader] = Header("The full version of the API that answered, as major.minor.patch.", ApiVersion.Current),
            [LocationHeader] = Header("The address of the resource just created.", BasePath + "/trajectories/0b6f3c1e-5a47-4d2e-9c8b-2f1a7e4d9c30"),
            [RetryAfterHeader] = new OpenApiHeader
            {
                Description = "The number of seconds to wait before trying again.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
                Example = JsonValue.Create(5),
            },
        };
        components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token of your organisation with its OIN (claim 'oin') and its role in the chain (claim 'role').",
            },
        };

        foreach (var schema in components.Schemas.Values)
        {
            NumbersAsNumbers(schema);
        }

        foreach (var parameter in document.Paths.Values.SelectMany(item => item.Operations?.Values.AsEnumerable() ?? []).SelectMany(operation => operation.Parameters ?? []))
        {
            NumbersAsNumbers(parameter.Schema);
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        var responses = operation.Responses ??= new OpenApiResponses();
        var getOrDelete = context.Description.HttpMethod is { } method && (HttpMethods.IsGet(method) || HttpMethods.IsDelete(method));

        // /core/error-handling/invalid-input: GET and DELETE with parameters, and every other method.
        if (operation.Parameters is { Count: > 0 } || !getOrDelete)
        {
            Refusal(responses, StatusCodes.Status400BadRequest);
        }

        if (operation.RequestBody is not null)
        {
            Refusal(responses, StatusCodes.Status413PayloadTooLarge);
            Refusal(responses, StatusCodes.Status415UnsupportedMediaType);
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Refusal(responses, StatusCodes.Status401Unauthorized);
            Refusal(responses, StatusCodes.Status403Forbidden);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        }

        // The rate limiter is global and the exception handler catches everything.
        Refusal(responses, StatusCodes.Status429TooManyRequests);
        Refusal(responses, StatusCodes.Status500InternalServerError);

        var ordered = new OpenApiResponses();
        foreach (var (key, response) in responses.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var status = int.Parse(key, CultureInfo.InvariantCulture);
            var shaped = (OpenApiResponse)response;
            ordered.Add(key, status < StatusCodes.Status400BadRequest ? Success(status, shaped, document) : Error(status, shaped, document));
        }

        operation.Responses = ordered;
        return Task.CompletedTask;
    }

    private static void Refusal(OpenApiResponses responses, int status) =>
        responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) });

    /// <summary>/core/version-header: every success names the full version; a 201 says where the new resource is.</summary>
    private static OpenApiResponse Success(int status, OpenApiResponse response, OpenApiDocument? document)
    {
        var headers = response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        headers[VersionHeader] = new OpenApiHeaderReference(VersionHeader, document);
        if (status == StatusCodes.Status201Created)
        {
            headers[LocationHeader] = new OpenApiHeaderReference(LocationHeader, document);
        }

        return response;
    }

    /// <summary>/core/error-handling/problem-details: every refusal is application/problem+json.</summary>
    private static OpenApiResponse Error(int status, OpenApiResponse response, OpenApiDocument? document)
    {
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        };
        if ((string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
            && ErrorDescriptions.TryGetValue(status, out var description))
        {
            response.Description = description;
        }

        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[RetryAfterHeader] = new OpenApiHeaderReference(RetryAfterHeader, document);
        }

        return response;
    }

    private static OpenApiHeader Header(string description, string example) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(example),
    };

    /// <summary>RFC 9457 problem details as the hub writes them: its type names the rule that failed.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem as RFC 9457 problem details. Its type names the rule that failed; further members, such as invalidParams, add detail.",
        Required = new HashSet<string> { "type", "title", "status", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("The rule that failed, as a URN.", "urn:schuldketen:probleem:niet-gevonden", "uri"),
            ["title"] = Text("A short summary of the problem, the same for every occurrence of its type.", "Trajectory not found"),
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "400",
                Maximum = "599",
                Description = "The HTTP status code of this occurrence.",
                Examples = [JsonValue.Create(StatusCodes.Status404NotFound)],
            },
            ["detail"] = Text("What went wrong this time, and what to do about it.",
                "There is no trajectory with this id among the trajectories your organisation takes part in."),
            ["instance"] = Text("The path of the request that failed.", BasePath + "/trajectories/0b6f3c1e-5a47-4d2e-9c8b-2f1a7e4d9c30", "uri-reference"),
            ["invalidParams"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "The fields or parameters that need fixing (400 only).",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "name", "reason" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["name"] = Text("The field or parameter, as a path into the request.", "counsellor.organisation"),
                        ["reason"] = Text("What is wrong with it.", "An OIN has exactly 20 digits."),
                        ["rule"] = Text("The rule it broke, where the hub names one.", "oin"),
                    },
                },
            },
        },
    };

    private static OpenApiSchema Text(string description, string example, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description, Examples = [JsonValue.Create(example)] };

    /// <summary>
    /// The hub reads numbers from strings too (the web defaults), but writes them as numbers:
    /// document them as numbers, not as "integer or string matching a pattern".
    /// </summary>
    private static void NumbersAsNumbers(IOpenApiSchema? schema)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (concrete.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            concrete.Type = type & ~JsonSchemaType.String;
            concrete.Pattern = null;
        }

        var children = (concrete.Properties?.Values ?? [])
            .Concat(concrete.OneOf ?? [])
            .Concat(concrete.AnyOf ?? [])
            .Concat(concrete.AllOf ?? [])
            .Append(concrete.Items);
        foreach (var child in children)
        {
            NumbersAsNumbers(child);
        }
    }
}
