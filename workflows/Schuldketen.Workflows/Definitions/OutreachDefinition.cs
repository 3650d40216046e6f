namespace Schuldketen.Workflows.Definitions;

/// <summary>The outreach case (Vroegsignaalzaak): the standard definition and the municipal variants that derive from it.</summary>
public static class OutreachDefinition
{
    public const string Id = "vroegsignalering";

    public static bool Is(TrajectoryDefinition definition) => definition.Id == Id || definition.DerivesFrom?.Id == Id;
}
