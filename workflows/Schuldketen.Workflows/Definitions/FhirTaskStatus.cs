namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// The status a referrer's FHIR Task shows while the trajectory is in a phase or closed with an
/// outcome: a code of <see cref="Schuldketen.Contracts.TaskStatusCodes"/> and the reason given with it.
/// </summary>
public sealed record FhirTaskStatus(string Code, string? Reason, int Line);
