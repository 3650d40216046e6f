namespace Schuldketen.Bench;

/// <summary>What the store benchmark measured for one provider: its rate, and its line for the report.</summary>
internal sealed record EngineResult(double EventsPerSecond, string Line);
