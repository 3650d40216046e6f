using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store.Telemetry;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Fires due deadlines through the same apply path as every other event. The event id is made
/// from the timer (trajectory, deadline, start date), so when several processes poll the same
/// database, the inbox lets exactly one of them apply it.
/// </summary>
public sealed class TimerPoller(TrajectoryStore store, HubIdentity hub)
{
    /// <summary>Fires up to <paramref name="limit"/> due timers; returns how many this call applied.</summary>
    public async Task<int> FireDueAsync(int limit = 500, CancellationToken cancellationToken = default)
    {
        var now = store.Time.GetUtcNow();
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var due = await store.Dialect.DueTimersAsync(connection, now.ToUnixTimeMilliseconds(), limit);
        var results = await Task.WhenAll(due.Select(timer => store.ApplyAsync(ExpiryOf(timer.ToTimer()))));

        var applied = 0;
        for (var i = 0; i < due.Count; i++)
        {
            switch (results[i])
            {
                case { Status: ApplyStatus.Accepted, Replayed: false }:
                    applied++;
                    await CountPassedAsync(due[i], cancellationToken);
                    break;
                case { Status: ApplyStatus.Refused or ApplyStatus.UnknownTrajectory }:
                    // The trajectory moved on in a way the timer did not foresee; it must not fire again.
                    await store.Dialect.DeleteTimerAsync(connection, due[i]);
                    break;
            }
        }

        return applied;
    }

    private async Task CountPassedAsync(TimerRow timer, CancellationToken cancellationToken)
    {
        if (HubTelemetry.DeadlinesPassed.Enabled && await store.FindAsync(timer.TrajectoryId, cancellationToken) is { } trajectory)
        {
            HubTelemetry.DeadlinesPassed.Add(1,
                new KeyValuePair<string, object?>(HubTelemetry.Tags.Definition, trajectory.Definition.Id),
                new KeyValuePair<string, object?>(HubTelemetry.Tags.Deadline, timer.DeadlineId));
        }
    }

    private IncomingEvent ExpiryOf(DueTimer timer) => new(
        hub.Source,
        $"termijn-{timer.TrajectoryId}-{timer.DeadlineId}-{timer.StartedOn:yyyyMMdd}",
        timer.EventType,
        timer.TrajectoryId,
        timer.FiresAt,
        new Sender(hub.Oin, PartnerRole.Hub),
        JsonSerializer.Serialize(new { termijn = timer.DeadlineId, uiterlijk = timer.DueOn }, StoreJson.Options),
        ExpiredDeadline: timer.DeadlineId);
}
