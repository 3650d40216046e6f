namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// When to try a failed delivery again: exponential backoff from 30 seconds up to 8 hours, each wait
/// stretched or shrunk by up to 10% so that many receivers coming back at once are not hit at once.
/// A delivery is given up on when it has failed for 24 hours.
/// </summary>
public sealed class RetrySchedule(Func<double> random)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);
    public const double Jitter = 0.1;

    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    public RetrySchedule()
        : this(Random.Shared.NextDouble)
    {
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, without jitter.</summary>
    public static TimeSpan BaseWait(int attempt) => Waits[Math.Min(attempt, Waits.Length) - 1];

    /// <summary>When to try again after failed attempt <paramref name="attempt"/>, or null to give up.</summary>
    public DateTimeOffset? Next(int attempt, DateTimeOffset firstAttemptAt, DateTimeOffset now)
    {
        if (now - firstAttemptAt >= GiveUpAfter)
        {
            return null;
        }

        var wait = BaseWait(attempt) * (1 + (Jitter * ((2 * random()) - 1)));
        return now + wait;
    }
}
