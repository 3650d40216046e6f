namespace Schuldketen.Workflows.Validation;

/// <summary>One broken rule, pointing at the file and line where a policy officer can fix it.</summary>
public sealed record ValidationFinding(string Rule, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Rule}: {Message}";
}
