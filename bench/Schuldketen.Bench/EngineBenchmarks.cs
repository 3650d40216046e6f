using BenchmarkDotNet.Attributes;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Bench;

/// <summary>The engine's costs per event: deciding, listing next steps, predicting a timeline.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DefinitionKey Standard = new("wgs-standaard", 1);
    private static readonly IReadOnlySet<string> NoCrisis = new HashSet<string> { Guards.NoCrisis };

    private readonly TrajectoryEngine engine;
    private readonly TimelinePredictor predictor = new(LegalCalendar.Default);
    private readonly TrajectoryDefinition definition;
    private readonly HistoryEntry[] history;

    public EngineBenchmarks()
    {
        engine = new TrajectoryEngine(DefinitionLibrary.LoadShipped(LegalCalendar.Default));
        definition = engine.Library.Get(Standard);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
        history =
        [
            new(EventTypes.Registered, "aanmelding", start),
            new(EventTypes.CrisisCheckCompleted, "eerste-gesprek", start.AddDays(1)),
        ];
    }

    [Benchmark]
    public Decision DecidePermitted() =>
        engine.Decide(Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Municipality, NoCrisis);

    [Benchmark]
    public Decision DecideWrongRole() =>
        engine.Decide(Standard, "aanmelding", EventTypes.CrisisCheckCompleted, PartnerRole.Creditor, NoCrisis);

    [Benchmark]
    public IReadOnlyList<string> NextSteps() =>
        engine.PermittedEventTypes(Standard, "stabilisatie", PartnerRole.DebtCounsellor);

    [Benchmark]
    public PredictedTimeline PredictTimeline() =>
        predictor.Predict(definition, history, new DateOnly(2026, 3, 3));
}
