using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// What the hub's FHIR endpoint supports, as one table: the CapabilityStatement is written from it,
/// and a method it does not list at an address is answered 405 with the methods it does.
/// </summary>
public static class FhirInteractions
{
    public const string Base = "/fhir/r4";
    public const string PatchMediaType = "application/json-patch+json";

    public static IReadOnlyList<FhirInteraction> All { get; } =
    [
        new("GET", "metadata", "capabilities", "This CapabilityStatement; no token needed."),
        new("POST", "", "transaction",
            "A GP's referral as a transaction Bundle of one Patient (BSN, address), Consent (active, provision permit), ServiceRequest " +
            "(category financial-insecurity) and Task (intent order, status requested, focus the ServiceRequest)."),
        new("POST", "Task", "create", "The same referral as a Task that contains its Patient, Consent and ServiceRequest."),
        new("GET", "Task", "search-type", "The referring organisation's Tasks, by owner, status and _lastUpdated."),
        new("GET", "Task/{id}", "read", "One of the referring organisation's Tasks."),
        new("PATCH", "Task/{id}", "patch",
            $"The referrer cancels its referral: {PatchMediaType} with exactly [{{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}}]. " +
            "This ends the referral, not the resident's trajectory."),
    ];

    /// <summary>The methods supported at <paramref name="address"/> (relative to the base, with Task ids as '{id}').</summary>
    public static IReadOnlyList<string> MethodsAt(string address) =>
        All.Where(interaction => interaction.Address == address).Select(interaction => interaction.Method).ToList();

    public static CapabilityStatement Capabilities(DateTimeOffset published, string software, string version)
    {
        var task = new CapabilityStatement.ResourceComponent
        {
            Type = "Task",
            Documentation = "Closed-loop referral of a resident to municipal debt help, as in the HL7 Gravity SDOH Clinical Care IG. " +
                            "Only the referring organisation reads its Tasks; the status follows the resident's trajectory.",
            Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
            ReadHistory = false,
            UpdateCreate = false,
            ConditionalCreate = false,
            SearchParam =
            [
                new() { Name = "owner", Type = SearchParamType.Reference, Documentation = $"The municipality's OIN, as '{FhirSystems.Oin}|<oin>' or '<oin>'." },
                new() { Name = "status", Type = SearchParamType.Token, Documentation = "One or more Task status codes, comma-separated." },
                new() { Name = "_lastUpdated", Type = SearchParamType.Date, Documentation = "Prefixes gt, ge, lt, le; e.g. _lastUpdated=gt2026-03-01T00:00:00Z." },
            ],
        };
        foreach (var interaction in All.Where(interaction => interaction.Address.StartsWith("Task", StringComparison.Ordinal)))
        {
            task.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent
            {
                Code = EnumUtility.ParseLiteral<CapabilityStatement.TypeRestfulInteraction>(interaction.Code),
                Documentation = interaction.Documentation,
            });
        }

        var transaction = All.Single(interaction => interaction.Code == "transaction");
        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = published.ToString("o"),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = software, Version = version },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Schuldketen: GP referral to debt help", Url = Base },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirSystems.MediaType],
            PatchFormat = [PatchMediaType],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "Every error is an OperationOutcome. Bodies up to the hub's size limit; requests per organisation are rate limited (429).",
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Description = "OAuth 2 bearer token (JWT) of a GP organisation, with claims 'oin' and 'role' = 'huisarts'.",
                    },
                    Resource = [task],
                    Interaction =
                    [
                        new CapabilityStatement.SystemInteractionComponent
                        {
                            Code = CapabilityStatement.SystemRestfulInteraction.Transaction, Documentation = transaction.Documentation,
                        },
                    ],
                },
            ],
        };
    }
}

/// <summary>One supported interaction: the HTTP method, the address relative to the base, its FHIR code, and what it does.</summary>
public sealed record FhirInteraction(string Method, string Address, string Code, string Documentation);
