namespace Schuldketen.Functions.Demo;

/// <summary>The embedded demo, at the top of section <c>Schuldketen</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Schuldketen";

    /// <summary>Seed demo organisations and trajectories into an empty database and print demo tokens.</summary>
    public bool DemoData { get; set; } = true;
}
