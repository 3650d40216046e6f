using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Tests.Validation;

/// <summary>The shipped definitions are valid.</summary>
public class ShippedDefinitionsTests
{
    [Fact]
    public void EveryShippedDefinitionValidatesWithoutFindings()
    {
        var files = DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder);

        var result = DefinitionLibrary.Load(files, [], LegalCalendar.Default);

        Assert.Empty(result.Findings);
        Assert.Contains(Path.Combine(DefinitionLibrary.ShippedFolder, "wgs-standaard.v1.yaml"), files);
        Assert.Contains(Path.Combine(DefinitionLibrary.ShippedFolder, "voorbeeldstad-kredietbank.v1.yaml"), files);
        Assert.Contains(Path.Combine(DefinitionLibrary.ShippedFolder, "vroegsignalering.v1.yaml"), files);
        Assert.Equal(files.Count, result.Library.All.Count);
    }
}
