namespace Schuldketen.Contracts.Events;

/// <summary>
/// One thing wrong with an event's data: where (a JSON Pointer into <c>data</c>, "" for the whole)
/// and what to fix. The message never repeats the value sent, which may be personal data.
/// </summary>
public sealed record DataProblem(string Pointer, string Message);
