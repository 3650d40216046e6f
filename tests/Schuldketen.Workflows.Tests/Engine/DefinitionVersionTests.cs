using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Tests.Engine;

/// <summary>A trajectory keeps the version it started on when a newer version is added.</summary>
public class DefinitionVersionTests
{
    private static readonly DefinitionKey Version1 = new("wgs-standaard", 1);
    private static readonly DefinitionKey Version2 = new("wgs-standaard", 2);
    private static readonly IReadOnlySet<string> NoCrisis = new HashSet<string> { Guards.NoCrisis };

    private readonly DefinitionLibrary library;
    private readonly TrajectoryEngine engine;

    public DefinitionVersionTests()
    {
        var files = DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder)
            .Append(Path.Combine(AppContext.BaseDirectory, "fixtures", "versions", "wgs-standaard.v2.yaml"))
            .ToList();
        var result = DefinitionLibrary.Load(files, [], LegalCalendar.Default);
        Assert.Empty(result.Findings);
        library = result.Library;
        engine = new TrajectoryEngine(library);
    }

    [Fact]
    public void The_newest_version_is_version_2_and_both_stay_loaded()
    {
        Assert.Equal(2, library.Latest("wgs-standaard")!.Version);
        Assert.NotNull(library.Find(Version1));
    }

    [Fact]
    public void A_trajectory_on_version_1_keeps_the_rules_of_version_1()
    {
        var onVersion1 = engine.Decide(Version1, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.DebtCounsellor, NoCrisis);
        var onVersion2 = engine.Decide(Version2, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.DebtCounsellor, NoCrisis);

        Assert.Equal(RefusalReason.RoleNotPermitted, onVersion1.Refusal?.Reason);
        Assert.True(onVersion2.Permitted);
    }

    [Fact]
    public void A_trajectory_on_version_1_keeps_the_deadlines_of_version_1()
    {
        HistoryEntry[] history = [new(EventTypes.Registered, "aanmelding", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)))];
        var predictor = new TimelinePredictor(LegalCalendar.Default);

        var dueOnVersion1 = predictor.Predict(library.Get(Version1), history, new DateOnly(2026, 3, 2))
            .OpenDeadlines.Single(open => open.Deadline.Id == "eerste-gesprek").DueOn;
        var dueOnVersion2 = predictor.Predict(library.Get(Version2), history, new DateOnly(2026, 3, 2))
            .OpenDeadlines.Single(open => open.Deadline.Id == "eerste-gesprek").DueOn;

        Assert.Equal(new DateOnly(2026, 3, 30), dueOnVersion1);
        Assert.Equal(new DateOnly(2026, 3, 23), dueOnVersion2);
    }
}
