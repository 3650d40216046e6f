namespace Schuldketen.Workflows.Residents;

/// <summary>
/// What a resident must do in a phase, in plain words, as the definition states it on <see cref="Line"/>.
/// <see cref="MustAct"/> is false when the sentence only says that others are at work; <see cref="DeadlineId"/>
/// names the deadline that says by when; <see cref="HandIn"/> is true when the task asks for papers the resident can
/// hand in online, in the conversation with their contact person.
/// </summary>
public sealed record ResidentTask(string Text, bool MustAct, string? DeadlineId, int Line, bool HandIn = false);
