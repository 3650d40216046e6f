using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Auth;

namespace Schuldketen.Functions.Fhir;

/// <summary>What every FHIR function checks first: a GP organisation is calling, and the body has a media type it takes.</summary>
public static class FhirRequest
{
    public static readonly string[] ResourceMediaTypes = [FhirSystems.MediaType, "application/json"];

    public static (Caller? Caller, IResult? Refusal) Referrer(HttpContext context) =>
        Caller.From(context.User) switch
        {
            null => (null, FhirOutcomes.Refuse(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "The token must carry your organisation's OIN (claim 'oin', 20 digits) and its role in the chain (claim 'role').")),
            { Role: not PartnerRole.GeneralPractitioner } => (null, FhirOutcomes.Refuse(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "Only a GP organisation (role 'huisarts') refers residents and reads its referrals here; partners in the case use /api/v1.")),
            var caller => (caller, null),
        };

    /// <summary>The body as text; 415 for another media type. A body over the size limit ends in the host's 413.</summary>
    public static async Task<(string? Body, IResult? Refusal)> BodyAsync(HttpContext context, IReadOnlyList<string> mediaTypes)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !mediaTypes.Contains(mediaType))
        {
            return (null, FhirOutcomes.Refuse(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                $"Send the body as {string.Join(" or ", mediaTypes)}, not as {mediaType ?? "a body without Content-Type"}."));
        }

        using var reader = new StreamReader(context.Request.Body);
        return (await reader.ReadToEndAsync(context.RequestAborted), null);
    }

    /// <summary>A GP's referral as posted: the caller, the body and the resource it holds, or the refusal of the first check that failed.</summary>
    public static async Task<(PostedReferral? Posted, IResult? Refusal)> ReferralAsync(HttpContext context)
    {
        var (caller, forbidden) = Referrer(context);
        if (forbidden is not null)
        {
            return (null, forbidden);
        }

        var (body, unsupported) = await BodyAsync(context, ResourceMediaTypes);
        if (unsupported is not null)
        {
            return (null, unsupported);
        }

        var (resource, unreadable) = FhirJson.Read(body!);
        return unreadable is not null
            ? (null, FhirOutcomes.Refuse(unreadable))
            : (new PostedReferral(caller!, body!, resource!), null);
    }
}

/// <summary>A referral as a GP posted it: who sent it, the body as sent (for the retry key), and the resource read from it.</summary>
public sealed record PostedReferral(Caller Caller, string Body, Resource Resource);
