namespace Schuldketen.Functions.Timers;

/// <summary>The deadline timer, at the top of section <c>Schuldketen</c>.</summary>
public sealed class TimerOptions
{
    public const string Section = "Schuldketen";

    /// <summary>How often the timer function looks for passed deadlines.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);
}
