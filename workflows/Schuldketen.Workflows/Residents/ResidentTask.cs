namespace Schuldketen.Workflows.Residents;

/// <summary>
/// What a resident must do in a phase, in plain words, as the definition states it on <see cref="Line"/>.
/// <see cref="MustAct"/> is false when the sentence only says that others are at work; <see cref="DeadlineId"/>
/// names the deadline that says by when.
/// </summary>
public sealed record ResidentTask(string Text, bool MustAct, string? DeadlineId, int Line);
