using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Overview;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Timeline;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

/// <summary>The chain overview's read model against a recount of the stored histories by <see cref="ChainStatistics"/>.</summary>
public class ChainOverviewTests
{
    private static readonly string[] Municipalities = [Organisations.Municipality, Organisations.OtherMunicipality];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ten_thousand_random_events_give_the_same_overview_as_a_recount_of_the_histories(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var chain = new RandomChain(harness, seed: 13);

        while (chain.Events < 10_000)
        {
            var before = chain.Events;
            await chain.WaveAsync();
            if (before / 2_500 != chain.Events / 2_500)
            {
                await AssertSameOverviewAsync(harness, harness.Store, chain);
            }
        }

        Assert.True(chain.Migrated > 0 && chain.Fired > 0 && chain.DroppedOut > 0,
            $"The run should include migrations ({chain.Migrated}), passed deadlines ({chain.Fired}) and drop-outs ({chain.DroppedOut}).");
        var overview = (await Reader(harness, harness.Store).ReadAsync(MunicipalitySender, CancellationToken.None))!;
        Assert.True(overview.Channels.Count(channel => channel.FirstConversations > 1 && channel.DroppedOutBeforeFirstConversation > 0) > 3,
            "Several channels should have first conversations and drop-outs before them, so their counts are compared.");
        // Half a year later, with nothing applied since: the clocks still running have passed their due dates.
        harness.Clock.Advance(TimeSpan.FromDays(180));
        await AssertSameOverviewAsync(harness, harness.Store, chain);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_store_upgraded_from_before_the_read_model_counts_its_trajectories_from_their_histories(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var chain = new RandomChain(harness, seed: 7);
        while (chain.Events < 2_000)
        {
            await chain.WaveAsync();
        }

        await using (var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None))
        {
            // From before the read model and before channels (013 adds the channel to both).
            await connection.ExecuteAsync(
                "DROP TABLE overview_trajectories; DROP TABLE overview_counts; DROP TABLE overview_backfill; DROP TABLE self_registrations; ALTER TABLE trajectories DROP COLUMN channel; " +
                "DELETE FROM schemaversions WHERE scriptname LIKE '%009_chain_overview.sql' OR scriptname LIKE '%013_channels.sql'");
        }

        var upgraded = harness.OpenAnother();

        await AssertSameOverviewAsync(harness, upgraded, chain);
        // And it keeps counting from there.
        while (chain.Events < 3_000)
        {
            await chain.WaveAsync(upgraded);
        }

        await AssertSameOverviewAsync(harness, upgraded, chain);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Viewing_the_overview_writes_one_audit_entry_without_a_trajectory_and_none_per_resident(string provider)
    {
        await using var harness = new StoreHarness(provider);
        for (var i = 0; i < 30; i++)
        {
            await harness.Store.ApplyAsync(Registration($"trj-{i}", Monday));
        }

        var before = await harness.CountAsync();
        var overview = await Reader(harness, harness.Store).ReadAsync(MunicipalitySender, CancellationToken.None);

        Assert.Equal(30, overview!.Trajectories);
        Assert.Equal(before.Audit + 1, (await harness.CountAsync()).Audit);
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        var entry = await connection.QuerySingleAsync<(string? TrajectoryId, string? SubjectCipher, string Organisation)>(
            "SELECT trajectory_id, subject_cipher, actor_organisation FROM audit WHERE activity = @activity", new { activity = ChainOverviewReader.Activity });
        Assert.Equal((null, null, Organisations.Municipality), entry);
        Assert.DoesNotContain(await harness.Store.Dialect.AuditAsync(connection, "trj-0"), audit => audit.Activity == ChainOverviewReader.Activity);
    }

    /// <summary>Per municipality, figure by figure: the read model's overview and the recount of every stored history.</summary>
    private static async Task AssertSameOverviewAsync(StoreHarness harness, TrajectoryStore store, RandomChain chain)
    {
        var library = harness.Engine.Library;
        var statistics = new ChainStatistics(new DeadlineClock(LegalCalendar.Default));
        var today = harness.Clock.GetUtcNow().ToDutchDate();
        foreach (var municipality in Municipalities)
        {
            var facts = new List<(DefinitionKey Definition, TrajectoryFacts Facts)>();
            foreach (var id in chain.TrajectoriesOf(municipality))
            {
                var trajectory = (await store.FindAsync(id))!;
                facts.Add((trajectory.Definition,
                    ClockHistory.Facts(library.Get(trajectory.Definition), trajectory.Outcome, await store.HistoryAsync(id), trajectory.Channel)));
            }

            var mostUsed = ChainStatistics.MostUsed(facts.GroupBy(fact => fact.Definition).Select(group => KeyValuePair.Create(group.Key, (long)group.Count())));
            var expected = statistics.Compute(library.Get(mostUsed), facts.Select(fact => fact.Facts).ToList(), today);

            var actual = (await Reader(harness, store).ReadAsync(new Sender(municipality, PartnerRole.Municipality, "medewerker-1"), CancellationToken.None))!;

            Assert.Equal(expected.Trajectories, actual.Trajectories);
            Assert.Equal(expected.Funnel, actual.Funnel);
            Assert.Equal(expected.Waits, actual.Waits);
            Assert.Equal(expected.Statutory, actual.Statutory);
            Assert.Equal(expected.Channels, actual.Channels);
            Assert.Equal(actual.Trajectories, actual.Channels.Sum(channel => channel.Registrations));
        }
    }

    private static ChainOverviewReader Reader(StoreHarness harness, TrajectoryStore store) => new(store, harness.Engine.Library, harness.Clock);

    /// <summary>
    /// Trajectories of two municipalities moved by random permitted steps in waves (one event per trajectory per wave, applied
    /// concurrently so that batches mix trajectories), with drop-outs, deadlines that pass by the timer poller, and
    /// migrations from version 1 to 2 that rename a phase.
    /// </summary>
    private sealed class RandomChain(StoreHarness harness, int seed)
    {
        private static readonly Dictionary<string, string> StabilisationRenamed = new() { ["stabilisatie"] = "rust-in-geldzaken" };

        private readonly Random random = new(seed);
        private readonly Dictionary<string, (string Municipality, DefinitionKey Definition, string Phase)> trajectories = [];
        private readonly HashSet<(string TrajectoryId, string Organisation)> linked = [];
        private readonly Dictionary<string, DateTimeOffset> nextStepAt = [];
        private int steps;

        public int Events { get; private set; }

        public int Migrated { get; private set; }

        public int Fired { get; private set; }

        public int DroppedOut { get; private set; }

        public IEnumerable<string> TrajectoriesOf(string municipality) =>
            trajectories.Where(pair => pair.Value.Municipality == municipality).Select(pair => pair.Key).ToList();

        public async Task WaveAsync(TrajectoryStore? on = null)
        {
            var store = on ?? harness.Store;
            harness.Clock.Advance(TimeSpan.FromHours(random.Next(6, 48)));
            var now = harness.Clock.GetUtcNow();
            var open = trajectories.Where(pair => nextStepAt[pair.Key] <= now && !harness.Engine.Library.Get(pair.Value.Definition).Phase(pair.Value.Phase).Terminal)
                .Select(pair => pair.Key).OrderBy(_ => random.Next()).Take(12).ToList();
            foreach (var id in open)
            {
                // Some trajectories wait weeks for their next step, so stays vary and deadlines pass.
                nextStepAt[id] = now.AddDays(random.Next(1 + random.Next(70)));
            }

            var wave = open.Select(id => Step(id, now)).OfType<IncomingEvent>().ToList();
            for (var i = random.Next(0, 3); i > 0 || trajectories.Count < 20; i--)
            {
                wave.Add(Registration(now));
            }

            var results = await Task.WhenAll(wave.Select(store.ApplyAsync));
            Events += wave.Count;
            for (var i = 0; i < wave.Count; i++)
            {
                // A refusal tells the phase too: a passed deadline may have moved the trajectory on.
                if (results[i].Phase is { } phase && trajectories.TryGetValue(wave[i].TrajectoryId, out var known))
                {
                    trajectories[wave[i].TrajectoryId] = known with { Phase = phase };
                    DroppedOut += results[i].Status == ApplyStatus.Accepted && results[i].Outcome == ChainStatistics.DropOutOutcome ? 1 : 0;
                }
            }

            var fired = await new TimerPoller(store, Hub).FireDueAsync();
            Fired += fired;
            Events += fired;
            if (Events / 3_000 != (Events - wave.Count - fired) / 3_000)
            {
                await MigrateAsync(store);
            }
        }

        private IncomingEvent Registration(DateTimeOffset now)
        {
            var id = $"trj-{trajectories.Count}";
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            trajectories[id] = (municipality, Standard, "aanmelding");
            nextStepAt[id] = now.AddDays(random.Next(10));
            return new IncomingEvent($"urn:nld:oin:{municipality}:systeem:zaaksysteem", $"reg-{id}", EventTypes.Registered, id, now,
                new Sender(municipality, PartnerRole.Municipality, "medewerker-1"),
                Registration: new Registration(Standard, municipality, "hash-" + id, "cipher-" + id,
                    new Participant(Organisations.Counsellor, PartnerRole.DebtCounsellor, "Fatima de Vries", "consulent-7"),
                    Channels.All[random.Next(Channels.All.Count)]));
        }

        /// <summary>A random permitted step from the trajectory's phase; first the link of a court or administrator that is to send it.</summary>
        private IncomingEvent? Step(string id, DateTimeOffset now)
        {
            var (municipality, key, phase) = trajectories[id];
            var transitions = harness.Engine.Library.Get(key).TransitionsFrom(phase).Where(transition => !transition.Roles.SequenceEqual(["hub"])).ToList();
            if (transitions.Count == 0)
            {
                return null;
            }

            var transition = transitions[random.Next(transitions.Count)];
            // Most trajectories go on: a drop-out is picked again most of the time, so deadlines get the time to pass.
            if (transition.Outcomes.Contains(ChainStatistics.DropOutOutcome) && random.Next(10) > 0)
            {
                transition = transitions[random.Next(transitions.Count)];
            }

            PartnerRoles.TryParse(transition.Roles.First(role => role != "hub"), out var role);
            var organisation = role switch
            {
                PartnerRole.Municipality => municipality,
                PartnerRole.DebtCounsellor => Organisations.Counsellor,
                PartnerRole.Court => Organisations.Court,
                _ => Organisations.Administrator,
            };
            if (role is PartnerRole.Court or PartnerRole.Administrator && linked.Add((id, organisation)))
            {
                return Link(id, organisation, role) with
                {
                    Sender = new Sender(municipality, PartnerRole.Municipality, "medewerker-1"),
                    Time = now,
                };
            }

            var outcome = transition.Outcomes.Count > 0 ? transition.Outcomes[random.Next(transition.Outcomes.Count)] : null;
            return new IncomingEvent($"urn:nld:oin:{organisation}:systeem:regie", $"stap-{id}-{++steps}", transition.EventType, id, now,
                new Sender(organisation, role), Facts: transition.Guard is null ? null : new HashSet<string> { transition.Guard }, Outcome: outcome);
        }

        private async Task MigrateAsync(TrajectoryStore store)
        {
            var migrator = new TrajectoryMigrator(store, Hub);
            var plan = await migrator.PlanAsync("wgs-standaard", 1, 2, StabilisationRenamed);
            var results = await migrator.ExecuteAsync(plan);
            Migrated += results.Count(result => result.Status == ApplyStatus.Accepted);
            Events += results.Count;
            foreach (var move in plan.Moves)
            {
                trajectories[move.TrajectoryId] = trajectories[move.TrajectoryId] with { Definition = plan.To, Phase = move.ToPhase };
            }
        }
    }
}
