using Microsoft.Extensions.Time.Testing;
using Schuldketen.Contracts;
using Schuldketen.Functions.Fhir;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Store.Referrals;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Timeline;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Store.Tests;

/// <summary>
/// A municipal variant that renames a phase of the standard and says which phase it stands for keeps
/// what the standard knows of that phase: the resident still reads their task on their page, and the
/// referring GP still reads the same Task status and reason, through the same reads the portal and FHIR use.
/// </summary>
public sealed class RenamedPhaseTests : IAsyncDisposable
{
    private const string Gp = "00000001007777777000";
    private static readonly Sender GpSender = new(Gp, PartnerRole.GeneralPractitioner, "huisarts-3");

    private readonly FakeTimeProvider clock = new(Monday);
    private readonly SubjectProtector protector = new(new byte[32], new byte[32]);
    private readonly DefinitionLibrary library;
    private readonly TrajectoryStore store;

    public RenamedPhaseTests()
    {
        var variants = Path.Combine(AppContext.BaseDirectory, "fixtures", "variants");
        var loaded = DefinitionLibrary.Load(
            [.. DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder), .. DefinitionLibrary.FilesIn(variants)], [], LegalCalendar.Default);
        Assert.Empty(loaded.Findings);
        library = loaded.Library;
        store = TrajectoryStore.Open(
            TestDatabase.Create(TestDatabase.Sqlite), new TrajectoryEngine(library), new DeadlineClock(LegalCalendar.Default), clock);
    }

    [Fact]
    public async Task A_variant_that_calls_the_objection_phase_heroverweging_shows_the_resident_and_the_gp_what_the_standard_shows_in_bezwaar()
    {
        var (referralId, trajectoryId, subjectHash) = await ReferAsync("heroverweging-variant");
        await MoveAsync(trajectoryId, (EventTypes.CrisisCheckCompleted, Guards.NoCrisis), (EventTypes.FirstConversationHeld, null),
            (EventTypes.AccessRefused, null));

        var refused = await GpReadsAsync(referralId);
        Assert.Equal((TaskStatus.Rejected, "De gemeente heeft besloten geen schuldhulp te geven."), (refused.Status, refused.StatusReason?.Text));

        await MoveAsync(trajectoryId, (EventTypes.ObjectionFiled, null));

        var resident = await ResidentReadsAsync(trajectoryId, subjectHash);
        var task = await GpReadsAsync(referralId);
        Assert.Equal("heroverweging", resident.Trajectory.Phase);
        Assert.Equal(("U hoeft nu niets te doen. De gemeente laat u weten wat zij besluit.", false), (resident.Task?.Text, resident.Task?.MustAct));
        Assert.Equal((TaskStatus.OnHold, null), (task.Status, task.StatusReason?.Text));
    }

    [Fact]
    public async Task A_variant_that_calls_the_crisis_phase_spoedhulp_shows_the_resident_and_the_gp_what_the_standard_shows_in_crisisinterventie()
    {
        var (referralId, trajectoryId, subjectHash) = await ReferAsync("spoedhulp-variant");
        await MoveAsync(trajectoryId, (EventTypes.CrisisCheckCompleted, Guards.Crisis));

        var resident = await ResidentReadsAsync(trajectoryId, subjectHash);
        var task = await GpReadsAsync(referralId);
        Assert.Equal("spoedhulp", resident.Trajectory.Phase);
        Assert.Equal(
            "Houd de brieven over de ontruiming of afsluiting bij de hand en neem de telefoon op als de gemeente belt.", resident.Task?.Text);
        // The crisis clock (3 working days from the referral on Monday 2 March 2026) says by when.
        Assert.Equal(new DateOnly(2026, 3, 5), resident.TaskDueOn);
        Assert.Equal((TaskStatus.Accepted, null), (task.Status, task.StatusReason?.Text));
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    /// <summary>The GP refers a resident of the municipality, whose trajectories run on <paramref name="definition"/>.</summary>
    private async Task<(string ReferralId, string TrajectoryId, string SubjectHash)> ReferAsync(string definition)
    {
        Assert.True(Bsn.TryParse("111222333", out var bsn));
        var settings = new ReferralSettings(
            new PostcodeRouting([], new Dictionary<string, string> { [Gp] = Municipality }),
            new Dictionary<string, string> { [Municipality] = definition }, "wgs-standaard", Hub.Oin);
        var intake = new ReferralIntake(new ReferralStore(store), Reader(), protector, settings, clock);

        var outcome = await intake.SubmitAsync(
            new ReferralSubmission(GpSender, bsn, "3511AB", null, "verwijzing-1", null, null, Monday, null), CancellationToken.None);

        var referral = Assert.IsType<ReferralSnapshot>(outcome.Referral).Referral;
        return (referral.Id, referral.TrajectoryId, protector.Hash(bsn));
    }

    private async Task MoveAsync(string trajectoryId, params (string Type, string? Guard)[] events)
    {
        foreach (var (type, guard) in events)
        {
            clock.Advance(TimeSpan.FromHours(1));
            var applied = await store.ApplyAsync(Event(trajectoryId, type, clock.GetUtcNow(), guard: guard));
            Assert.Equal(ApplyStatus.Accepted, applied.Status);
        }
    }

    private async Task<Hl7.Fhir.Model.Task> GpReadsAsync(string referralId) =>
        ReferralTasks.From((await Reader().ReadAsync(referralId, GpSender, null, CancellationToken.None))!);

    private async Task<ResidentTrajectory> ResidentReadsAsync(string trajectoryId, string subjectHash) =>
        (await new ResidentReader(store, new TimelinePredictor(LegalCalendar.Default), library, Hub, clock)
            .ReadAsync(trajectoryId, subjectHash, CancellationToken.None))!;

    private ReferralReader Reader() => new(new ReferralStore(store), clock);
}
