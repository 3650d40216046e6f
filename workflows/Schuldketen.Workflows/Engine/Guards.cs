namespace Schuldketen.Workflows.Engine;

/// <summary>
/// The named conditions a transition may require. Each is a fact that the sender's event
/// states (the crisis check says whether there is a crisis); the engine only checks whether
/// the fact was stated.
/// </summary>
public static class Guards
{
    public const string Crisis = "crisis";
    public const string NoCrisis = "geen-crisis";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Crisis, NoCrisis };
}
