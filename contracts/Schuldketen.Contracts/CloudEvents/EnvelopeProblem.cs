namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// One broken envelope rule: the attribute ("" for the whole event), the rule id from
/// <see cref="EnvelopeRules"/>, and what to fix. The message never repeats the value sent.
/// </summary>
public sealed record EnvelopeProblem(string Attribute, string Rule, string Message);
