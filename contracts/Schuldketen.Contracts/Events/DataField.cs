namespace Schuldketen.Contracts.Events;

/// <summary>The form component a member of event data calls for, read from its JSON Schema.</summary>
public enum DataFieldKind
{
    Text,
    LongText,
    Date,
    DateTime,
    WholeNumber,
    Amount,
    Choice,
    YesNo,
}

/// <summary>One allowed value of a choice: its wire name and what a person reads.</summary>
public sealed record DataChoice(string Value, string Label);

/// <summary>
/// One member of an event's data as a person fills it in: its wire name and component, its bounds and allowed values from
/// the JSON Schema, and its Dutch label and help text from the annotations on the contract record.
/// </summary>
public sealed record DataField(
    string Name,
    DataFieldKind Kind,
    string Label,
    string? Help,
    bool Required,
    int? MaxLength,
    decimal? Minimum,
    decimal? Maximum,
    IReadOnlyList<DataChoice> Choices);
