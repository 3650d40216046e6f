using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary><c>GET /api/v1/signals/imports/{id}</c>: how far an import is, for the organisation that sent it only.</summary>
public static class GetSignalImport
{
    /// <summary>The refused rows listed in one answer; the counts cover them all.</summary>
    private const int MaxListed = 1000;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/signals/imports/{id}", HandleAsync)
            .WithName("getSignalImport")
            .WithTags("Vroegsignalering")
            .WithSummary("How far an import of signals is, with its refused rows")
            .WithDescription($"Rows read, accepted and refused, whether it is done, and the first {MaxListed} refused rows with line, field and what to fix.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SignalImportView>, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, SignalImportStore imports, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (await imports.FindAsync(id, cancellationToken) is not { } import || import.Caller != caller.Organisation)
        {
            return HubProblems.Create(StatusCodes.Status404NotFound, "niet-gevonden", "Import not found",
                "There is no import with this id among your organisation's imports of signals.");
        }

        return TypedResults.Ok(SignalImportView.From(import, null, await imports.FaultsAsync(id, MaxListed, cancellationToken)));
    }
}
