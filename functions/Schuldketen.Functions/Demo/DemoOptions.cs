namespace Schuldketen.Functions.Demo;

/// <summary>The embedded demo, at the top of section <c>Schuldketen</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Schuldketen";

    /// <summary>
    /// Seed demo organisations and trajectories into an empty database, print demo tokens and offer demo logins on the
    /// pages. Never together with an identity provider: the hub refuses to start.
    /// </summary>
    public bool DemoData { get; set; } = true;
}
