using System.Data.Common;
using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Projections;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Applies a batch of events in one transaction: inbox, trajectories (optimistic version check),
/// history, timers, outbox and audit. Events for one trajectory are applied in batch order. When
/// another writer got there first (a version or inbox key changed underneath), the whole batch
/// is planned again from fresh reads; nothing is ever overwritten.
/// </summary>
internal sealed class BatchApplier(
    StoreDialect dialect, TrajectoryEngine engine, DeadlineClock clock, TimeProvider time, StepHook? stepHook)
{
    private readonly AudienceProjector projector = new(engine.Library);
    private readonly OverviewTally overview = new(dialect, engine.Library, clock);

    private const int MaxAttempts = 10;

    public async Task<IReadOnlyList<ApplyResult>> ApplyAsync(DbConnection connection, IReadOnlyList<IncomingEvent> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var plan = await PlanAsync(connection, transaction, batch);
            if (!plan.HasWrites || await TryWriteAsync(connection, transaction, plan))
            {
                await transaction.CommitAsync(cancellationToken);
                return plan.Results;
            }

            await transaction.RollbackAsync(cancellationToken);
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"A batch of {batch.Count} events met concurrent writers {MaxAttempts} times in a row.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
        }
    }

    private async Task<BatchPlan> PlanAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IncomingEvent> batch)
    {
        var plan = new BatchPlan();
        var inbox = await dialect.FindInboxAsync(connection, transaction, batch.Select(e => (e.Source, e.Id)).Distinct().ToList());
        var ids = batch.Select(e => e.TrajectoryId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var row in await dialect.FindTrajectoriesAsync(connection, transaction, ids))
        {
            var definition = engine.Library.Get(new(row.DefinitionId, (int)row.DefinitionVersion));
            plan.Trajectories[row.Id] = new TrackedTrajectory(row, row.Version, definition);
        }

        foreach (var (trajectoryId, organisation, role) in await dialect.ParticipationAsync(connection, transaction, ids))
        {
            if (PartnerRoles.TryParse(role, out var known))
            {
                plan.Join(trajectoryId, organisation, known);
            }
        }

        var histories = new Dictionary<string, List<HistoryRow>>(StringComparer.Ordinal);
        foreach (var id in batch.Where(e => e.Migration is not null).Select(e => e.TrajectoryId).Distinct(StringComparer.Ordinal))
        {
            histories[id] = await dialect.HistoryAsync(connection, transaction, id);
        }

        var now = time.GetUtcNow();
        foreach (var incoming in batch)
        {
            if (inbox.TryGetValue((incoming.Source, incoming.Id), out var first))
            {
                plan.Results.Add(JsonSerializer.Deserialize<ApplyResult>(first, StoreJson.Options)! with { Replayed = true });
                continue;
            }

            var result = incoming switch
            {
                { Type: EventTypes.Registered } => Register(plan, incoming, now),
                { Migration: { } migration } => Migrate(plan, incoming, migration, histories.GetValueOrDefault(incoming.TrajectoryId) ?? [], now),
                _ => Advance(plan, incoming, now),
            };
            if (result.Status == ApplyStatus.Accepted)
            {
                var json = JsonSerializer.Serialize(result, StoreJson.Options);
                inbox[(incoming.Source, incoming.Id)] = json;
                plan.Inbox.Add(new InboxRow(incoming.Source, incoming.Id, incoming.TrajectoryId, json, now.ToUnixTimeMilliseconds()));
            }

            plan.Results.Add(result);
        }

        return plan;
    }

    private ApplyResult Register(BatchPlan plan, IncomingEvent incoming, DateTimeOffset now)
    {
        if (plan.Trajectories.TryGetValue(incoming.TrajectoryId, out var existing))
        {
            return new ApplyResult(ApplyStatus.AlreadyRegistered, incoming.TrajectoryId, existing.Row.Phase, existing.Row.Sequence,
                Detail: $"Trajectory '{incoming.TrajectoryId}' is already registered.");
        }

        var registration = incoming.Registration
                           ?? throw new ArgumentException($"A '{EventTypes.Registered}' event needs its registration details.", nameof(incoming));
        var definition = engine.Library.Get(registration.Definition);
        var at = now.ToUnixTimeMilliseconds();
        var row = new TrajectoryRow(incoming.TrajectoryId, definition.Id, definition.Version, definition.InitialPhase, null, 1, 1,
            registration.Municipality, registration.SubjectHash, registration.SubjectCipher, incoming.Time.ToUnixTimeMilliseconds(), at,
            registration.Channel.WireName());
        var tracked = new TrackedTrajectory(row, null, definition) { Changed = true };
        plan.Trajectories[row.Id] = tracked;
        var heard = new Heard(null, null, Snapshot(plan, row.Id));
        AddParticipant(plan, row.Id, new Participant(registration.Municipality, PartnerRole.Municipality), now);
        if (registration.Counsellor is { } counsellor)
        {
            AddParticipant(plan, row.Id, counsellor, now);
        }

        Record(plan, tracked, incoming, definition.InitialPhase, isStart: true, now, "traject-registreren", heard);
        return new ApplyResult(ApplyStatus.Accepted, row.Id, row.Phase, row.Sequence);
    }

    private ApplyResult Advance(BatchPlan plan, IncomingEvent incoming, DateTimeOffset now)
    {
        // A partner that does not take part in a trajectory learns nothing of it, not even that it exists.
        if (!plan.Trajectories.TryGetValue(incoming.TrajectoryId, out var tracked)
            || (incoming.Sender.Role != PartnerRole.Hub && !plan.TakesPart(incoming.TrajectoryId, incoming.Sender.Organisation)))
        {
            return new ApplyResult(ApplyStatus.UnknownTrajectory, incoming.TrajectoryId, null, 0, Detail: $"There is no trajectory '{incoming.TrajectoryId}'.");
        }

        var row = tracked.Row;
        var decision = engine.Decide(tracked.Definition.Key, row.Phase, incoming.Type, incoming.Sender.Role, incoming.Facts, incoming.Outcome);
        if (!decision.Permitted)
        {
            return new ApplyResult(ApplyStatus.Refused, row.Id, row.Phase, row.Sequence,
                Reason: decision.Refusal!.Reason, Detail: decision.Refusal.Detail, PermittedEventTypes: decision.PermittedEventTypes);
        }

        var entered = decision.Phase != row.Phase ? decision.Phase : null;
        var heard = new Heard(row.Phase, row.Outcome, Snapshot(plan, row.Id));
        tracked.Row = row with
        {
            Phase = decision.Phase,
            Outcome = decision.Outcome,
            Version = row.Version + 1,
            Sequence = row.Sequence + 1,
            UpdatedAt = now.ToUnixTimeMilliseconds(),
        };
        tracked.Changed = true;
        if (incoming.Participant is { } participant)
        {
            if (incoming.Type == EventTypes.CounsellorAssigned)
            {
                plan.Participants.RemoveAll(added => added.TrajectoryId == row.Id && added.Role == PartnerRole.DebtCounsellor.WireName());
                plan.Roles.RemoveWhere(taken => taken.TrajectoryId == row.Id && taken.Role == PartnerRole.DebtCounsellor);
                plan.CounsellorReplaced.Add(row.Id);
                if (plan.AudiencesOf(row.Id).TryGetValue(Audiences.CaseHandlers, out var handlers))
                {
                    handlers.IntersectWith(plan.Participants.Where(added => added.TrajectoryId == row.Id).Select(added => added.Organisation)
                        .Append(row.Municipality));
                }
            }

            AddParticipant(plan, row.Id, participant, now);
        }

        // Before the event is announced, so the organisation that leaves no longer hears it.
        if (incoming.Unlinked is { } unlinked)
        {
            RemoveParticipant(plan, row.Id, unlinked);
        }

        Record(plan, tracked, incoming, entered, isStart: false, now, "traject-bijwerken", heard);
        return new ApplyResult(ApplyStatus.Accepted, row.Id, tracked.Row.Phase, tracked.Row.Sequence, tracked.Row.Outcome);
    }

    private ApplyResult Migrate(BatchPlan plan, IncomingEvent incoming, Migration migration, List<HistoryRow> history, DateTimeOffset now)
    {
        if (!plan.Trajectories.TryGetValue(incoming.TrajectoryId, out var from))
        {
            return new ApplyResult(ApplyStatus.UnknownTrajectory, incoming.TrajectoryId, null, 0, Detail: $"There is no trajectory '{incoming.TrajectoryId}'.");
        }

        var row = from.Row;
        var target = engine.Library.Get(from.Definition.Key with { Version = migration.ToVersion });
        if (from.Definition.Phase(row.Phase).Terminal || !migration.PhaseMap.TryGetValue(row.Phase, out var phase))
        {
            return new ApplyResult(ApplyStatus.Refused, row.Id, row.Phase, row.Sequence,
                Detail: $"Trajectory '{row.Id}' in phase '{row.Phase}' of {from.Definition.Key} cannot move to {target.Key}.");
        }

        var tracked = new TrackedTrajectory(
            row with
            {
                DefinitionVersion = target.Version,
                Phase = phase,
                Version = row.Version + 1,
                Sequence = row.Sequence + 1,
                UpdatedAt = now.ToUnixTimeMilliseconds(),
            },
            from.ExpectedVersion,
            target) { Changed = true };
        plan.Trajectories[row.Id] = tracked;

        // The clocks of the new version, as if the trajectory had run on it from the start.
        var mapped = history
            .Select(entry => new HistoryEntry(entry.EventType, migration.PhaseMap.GetValueOrDefault(entry.Phase, entry.Phase), DateTimeOffset.FromUnixTimeMilliseconds(entry.OccurredAt)))
            .Append(new HistoryEntry(incoming.Type, phase, incoming.Time))
            .ToList();
        Record(plan, tracked, incoming, null, isStart: false, now, "traject-migreren", new Heard(null, null, Snapshot(plan, row.Id)));
        plan.Migrations[(row.Id, tracked.Row.Sequence)] = new MigratedClocks(target, mapped);
        SetTimers(plan, tracked, incoming, new DeadlineChanges([], [], StopsAll: true));
        foreach (var open in clock.Open(target, mapped))
        {
            plan.Timers[(row.Id, open.Deadline.Id)] = TimerFor(row.Id, open);
        }

        return new ApplyResult(ApplyStatus.Accepted, row.Id, phase, tracked.Row.Sequence);
    }

    private static void AddParticipant(BatchPlan plan, string trajectoryId, Participant participant, DateTimeOffset now)
    {
        plan.Participants.Add(new ParticipantRow(trajectoryId, participant.Organisation, participant.Role.WireName(),
            participant.ContactName, participant.ContactId, now.ToUnixTimeMilliseconds()));
        plan.Join(trajectoryId, participant.Organisation, participant.Role);
    }

    private static void RemoveParticipant(BatchPlan plan, string trajectoryId, Participant participant)
    {
        var role = participant.Role.WireName();
        plan.Participants.RemoveAll(added => added.TrajectoryId == trajectoryId && added.Organisation == participant.Organisation && added.Role == role);
        plan.Unlinked.Add((trajectoryId, participant.Organisation, role));
        plan.Leave(trajectoryId, participant.Organisation, participant.Role);
    }

    private void Record(
        BatchPlan plan, TrackedTrajectory tracked, IncomingEvent incoming, string? enteredPhase, bool isStart, DateTimeOffset now, string activity, Heard heard)
    {
        var row = tracked.Row;
        var at = now.ToUnixTimeMilliseconds();
        plan.History.Add(new HistoryRow(row.Id, row.Sequence, incoming.Type, incoming.Source, incoming.Id, row.Phase, row.Outcome,
            incoming.Time.ToUnixTimeMilliseconds(), at, incoming.Sender.Organisation, incoming.Sender.Role.WireName(), incoming.Sender.Person, incoming.Data));

        SetTimers(plan, tracked, incoming, clock.Changes(tracked.Definition, incoming.Type, enteredPhase, incoming.Time.ToDutchDate(), isStart));

        Announce(plan, tracked, incoming, heard, at);

        var trace = TraceContext.Parse(incoming.TraceParent);
        plan.Audit.Add(new AuditRow(at, trace?.TraceId, trace?.SpanId, activity, incoming.Sender.Organisation, incoming.Sender.Person,
            row.Id, row.SubjectCipher, "geslaagd"));
    }

    /// <summary>
    /// One outbox row per audience that takes part and has something to hear: the case handlers every
    /// event; the others only when their own projection changed, or when they first joined.
    /// </summary>
    private void Announce(BatchPlan plan, TrackedTrajectory tracked, IncomingEvent incoming, Heard heard, long at)
    {
        var row = tracked.Row;
        var shard = Shards.Of(row.Id);
        var now = plan.AudiencesOf(row.Id);
        var caseUpdate = JsonSerializer.Serialize(new StatusChanged(row.Id, row.Sequence, incoming.Type, row.Phase, row.Outcome, incoming.Time), StoreJson.Options);
        plan.Outbox.Add(new OutboxRow(row.Id, row.Sequence, Audiences.CaseHandlers, incoming.Type, caseUpdate, incoming.TraceParent, at, shard,
            Recipients(now.GetValueOrDefault(Audiences.CaseHandlers))));
        foreach (var (audience, organisations) in now.Where(pair => pair.Key != Audiences.CaseHandlers).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            IEnumerable<string> before = heard.Organisations.TryGetValue(audience, out var heardBefore) ? heardBefore : [];
            var changed = heard.Phase is null
                          || AudienceProjector.ChangeKey(audience, tracked.Definition, heard.Phase, heard.Outcome)
                          != AudienceProjector.ChangeKey(audience, tracked.Definition, row.Phase, row.Outcome);
            var recipients = changed ? organisations : organisations.Except(before).ToHashSet();
            if (recipients.Count == 0)
            {
                continue;
            }

            var view = projector.StatusFor(audience, row.ToRecord());
            plan.Outbox.Add(new OutboxRow(row.Id, row.Sequence, audience, EventTypes.StatusChanged,
                JsonSerializer.Serialize(view, StoreJson.Options), incoming.TraceParent, at, shard, Recipients(recipients)));
        }
    }

    private static string Recipients(IEnumerable<string>? organisations) => string.Join(' ', (organisations ?? []).Order(StringComparer.Ordinal));

    private static Dictionary<string, IReadOnlySet<string>> Snapshot(BatchPlan plan, string trajectoryId) =>
        plan.AudiencesOf(trajectoryId).ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value.ToHashSet(), StringComparer.Ordinal);

    private static void SetTimers(BatchPlan plan, TrackedTrajectory tracked, IncomingEvent incoming, DeadlineChanges changes)
    {
        var id = tracked.Row.Id;
        if (changes.StopsAll)
        {
            foreach (var key in plan.Timers.Keys.Where(key => key.TrajectoryId == id).ToList())
            {
                plan.Timers.Remove(key);
            }

            plan.TimersStoppedForTrajectory.Add(id);
            return;
        }

        if (incoming.ExpiredDeadline is { } expired)
        {
            plan.TimersFired.Add((id, expired));
        }

        foreach (var stopped in changes.Stopped)
        {
            plan.Timers[(id, stopped)] = null;
        }

        foreach (var started in changes.Started)
        {
            plan.Timers[(id, started.Deadline.Id)] = TimerFor(id, started);
        }
    }

    private static TimerRow TimerFor(string trajectoryId, OpenDeadline open) =>
        new(trajectoryId, open.Deadline.Id, open.Deadline.OnExpiry, open.StartedOn.ToString("O"), open.DueOn.ToString("O"),
            open.ExpiresAt.ToUnixTimeMilliseconds());

    private async Task<bool> TryWriteAsync(DbConnection connection, DbTransaction transaction, BatchPlan plan)
    {
        if (!await dialect.WriteAsync(connection, transaction, BatchWrites.From(plan, time.GetUtcNow().ToUnixTimeMilliseconds()), step => Step(step, connection)))
        {
            return false;
        }

        await overview.WriteAsync(connection, transaction, plan);
        return true;
    }

    private Task Step(ApplyStep step, DbConnection connection) => stepHook?.Invoke(step, connection) ?? Task.CompletedTask;
}

/// <summary>What the audiences had heard before an event: the phase and outcome then (null for a new trajectory), and who took part in each.</summary>
internal sealed record Heard(string? Phase, string? Outcome, IReadOnlyDictionary<string, IReadOnlySet<string>> Organisations);

/// <summary>Called after each write of the apply path; fault-injection tests throw or break the connection here.</summary>
public delegate Task StepHook(ApplyStep step, DbConnection connection);
