using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Timers;

/// <summary>The deadline timer, at the top of section <c>Schuldketen</c>.</summary>
public sealed class TimerOptions : ICheckedOptions
{
    public const string Section = "Schuldketen";

    /// <summary>How often the timer function looks for passed deadlines.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        if (TimerInterval <= TimeSpan.Zero)
        {
            yield return $"Schuldketen__TimerInterval is {TimerInterval}: set it to a positive time span such as 00:00:30 (the default).";
        }
    }
}
