namespace Schuldketen.Functions.Problems;

/// <summary>The problem details of the web pages, in Dutch: what went wrong and what a person can do.</summary>
public static class PageProblems
{
    /// <summary>Pages are everything outside the API, the FHIR endpoint and the health checks.</summary>
    public static bool Applies(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health")
        && !context.Request.Path.StartsWithSegments(Contracts.Fhir.FhirInteractions.Base);

    public static (string Rule, string Title, string Detail) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("ongeldig-verzoek", "Verzoek niet begrepen",
            "Wij konden uw verzoek niet lezen. Ga terug en probeer het opnieuw."),
        StatusCodes.Status401Unauthorized => ("niet-ingelogd", "Niet ingelogd", "Log eerst in via de startpagina."),
        StatusCodes.Status403Forbidden => ("geen-toegang", "Geen toegang", "U mag deze pagina niet bekijken."),
        StatusCodes.Status404NotFound => ("niet-gevonden", "Pagina niet gevonden",
            "Deze pagina bestaat niet, of u mag hem niet zien. Ga terug naar de startpagina."),
        StatusCodes.Status405MethodNotAllowed => ("methode-niet-toegestaan", "Dit kan hier niet", "Ga terug en probeer het opnieuw."),
        StatusCodes.Status429TooManyRequests => ("te-veel-verzoeken", "Even te druk", "Wacht een minuut en probeer het dan opnieuw."),
        StatusCodes.Status503ServiceUnavailable => ("niet-beschikbaar", "Even niet beschikbaar", "Probeer het over een paar minuten opnieuw."),
        _ => ("interne-fout", "Er ging iets mis", "Er ging bij ons iets mis. Probeer het later opnieuw."),
    };
}
