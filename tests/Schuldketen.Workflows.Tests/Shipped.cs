using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Workflows.Tests;

/// <summary>The definitions shipped with the hub, loaded once for all tests.</summary>
internal static class Shipped
{
    public static readonly DefinitionKey Standard = new("wgs-standaard", 1);

    public static DefinitionLibrary Library { get; } = DefinitionLibrary.LoadShipped(LegalCalendar.Default);

    public static TrajectoryEngine Engine { get; } = new(Library);

    public static TrajectoryDefinition StandardDefinition => Library.Get(Standard);
}
