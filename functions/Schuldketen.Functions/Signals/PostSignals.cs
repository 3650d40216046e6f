using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// <c>POST /api/v1/signals</c>: a connected signal partner sends its signals, or a municipality uploads its platform's
/// export. The body (up to its own limit, 413 before it is read) waits on disk while the whole file is checked; any
/// fault of the file is answered 4xx and nothing is applied. Then 202 with the import, whose rows are applied each
/// whole or not at all, and refused with line, field and what to fix.
/// </summary>
public static class PostSignals
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/signals", HandleAsync)
            .WithName("postSignals")
            .WithTags("Vroegsignalering")
            .WithSummary("Send early-warning signals (signal partner) or upload a platform export (municipality)")
            .WithDescription(
                "One signal or a JSON array with DDAS field names (application/json), or CSV with the same names as column headers " +
                "(text/csv, UTF-8, a header row; nested fields as client.Achternaam). A connected signal partner's signals carry the partner " +
                "its token belongs to; a municipality names the partner per row (signaalpartner.type, signaalpartner.Organisatienaam). " +
                "Answers 202 with the import to follow at GET /api/v1/signals/imports/{id}. A signal id sent before is not applied again.")
            .Accepts<object>(SignalMediaTypes.Json, SignalMediaTypes.Csv)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Accepted<SignalImportView>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        SignalRouter router,
        SignalSpool spool,
        SignalImportStore imports,
        SignalImportRunner runner,
        IOptions<SignalOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (!router.TryCaller(caller.Organisation, caller.Role, out var tokenPartner))
        {
            return CallerProblems.RoleMayNot("send signals", "a signal partner configured in the hub or a municipality");
        }

        var limit = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (Format(context.Request.ContentType) is not { } format)
        {
            return HubProblems.Create(StatusCodes.Status415UnsupportedMediaType, "mediatype", "Unsupported media type",
                $"Send signals as {SignalMediaTypes.Json} (one signal or an array) or as {SignalMediaTypes.Csv} with charset UTF-8.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        var importId = Guid.NewGuid().ToString();
        long rows;
        try
        {
            var path = await spool.WriteAsync(importId, context.Request.Body, cancellationToken);
            rows = await CountAsync(path, format, tokenPartner is null, cancellationToken);
        }
        catch (BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            spool.Delete(importId);
            return TooLarge(limit);
        }
        catch (SignalFileFault fault)
        {
            spool.Delete(importId);
            return HubProblems.Create(StatusCodes.Status400BadRequest, "signaalbestand-" + fault.Rule, "Signal file refused",
                fault.Message + " Nothing of this file was applied.");
        }

        if (rows == 0)
        {
            spool.Delete(importId);
            return HubProblems.Create(StatusCodes.Status400BadRequest, "signaalbestand-leeg", "No signals",
                "The body holds no signal: send at least one. Nothing was applied.");
        }

        var import = await imports.CreateAsync(importId, caller.AsSender(), format == SignalFormat.Csv ? SignalMediaTypes.Csv : SignalMediaTypes.Json,
            time.GetUtcNow(), cancellationToken);
        runner.Enqueue(import.Id);
        var location = $"/api/v1/signals/imports/{import.Id}";
        return TypedResults.Accepted(location, SignalImportView.From(import, rows, []));
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        HubProblems.Create(StatusCodes.Status413PayloadTooLarge, "te-groot", "Request too large",
            $"A signal upload may have at most {limit} bytes: split the file and send the parts one by one. Nothing was applied.");

    private static SignalFormat? Format(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            SignalMediaTypes.Json => SignalFormat.Json,
            SignalMediaTypes.Csv => SignalFormat.Csv,
            _ => null,
        };
    }

    /// <summary>Reads the whole file once, so that a fault anywhere in it refuses it before anything is applied.</summary>
    private static async Task<long> CountAsync(string path, SignalFormat format, bool partnerPerRow, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var _ in SignalFileReader.ReadAsync(path, format, partnerPerRow, cancellationToken))
        {
            rows++;
        }

        return rows;
    }
}
