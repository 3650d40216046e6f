namespace Schuldketen.Workflows.Signals;

/// <summary>
/// One signal as it arrived, before any check: its line in the file (the CSV line, or the position in a JSON array,
/// from 1) and the text of each field by its <see cref="SignalFields"/> path. A field that was absent is missing from
/// <see cref="Values"/>; one that was given empty maps to an empty text. <see cref="ShapeFaults"/> are what was wrong with
/// the signal's form before its fields could be read (a JSON member the hub does not know, a value that is no text).
/// </summary>
public sealed record SignalInput(long Line, IReadOnlyDictionary<string, string> Values, IReadOnlyList<RowFault>? ShapeFaults = null)
{
    public string? this[string field] => Values.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A row the hub refused: where (line and field) and what to fix, never the value itself, which may be personal data.</summary>
public sealed record RowFault(long Line, string Field, string Problem);
