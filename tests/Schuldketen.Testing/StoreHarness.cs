using Dapper;
using Microsoft.Extensions.Time.Testing;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Timeline;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Testing;

/// <summary>
/// One test database with as many store instances on it as a test wants (each one stands for a
/// host process), a fake clock, and the shipped definitions plus version 2 of the standard.
/// </summary>
public sealed class StoreHarness : IAsyncDisposable
{
    public static readonly HubIdentity Hub = new("00000001000000001000");

    /// <summary>Monday 2 March 2026, 09:00 in the Netherlands: when the test trajectories are registered.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    public static readonly DefinitionKey Standard = new("wgs-standaard", 1);
    public static readonly Sender MunicipalitySender = new(Municipality, PartnerRole.Municipality, "medewerker-1");
    public static readonly Sender CounsellorSender = new(Counsellor, PartnerRole.DebtCounsellor, "consulent-7");

    private static readonly Lazy<TrajectoryEngine> SharedEngine = new(() =>
    {
        var files = DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder)
            .Append(Path.Combine(AppContext.BaseDirectory, "fixtures", "versions", "wgs-standaard.v2.yaml"))
            .ToList();
        var loaded = DefinitionLibrary.Load(files, [], LegalCalendar.Default);
        Assert.Empty(loaded.Findings);
        return new TrajectoryEngine(loaded.Library);
    });

    private readonly List<TrajectoryStore> stores = [];

    public StoreHarness(string provider, StepHook? stepHook = null)
    {
        Settings = TestDatabase.Create(provider) with { StepHook = stepHook };
        Store = OpenAnother();
    }

    public FakeTimeProvider Clock { get; } = new(Monday);

    public StoreSettings Settings { get; }

    public TrajectoryStore Store { get; }

    public TrajectoryEngine Engine => SharedEngine.Value;

    /// <summary>Another store on the same database, as a second host process would have.</summary>
    public TrajectoryStore OpenAnother()
    {
        var store = TrajectoryStore.Open(Settings, Engine, new DeadlineClock(LegalCalendar.Default), Clock);
        stores.Add(store);
        return store;
    }

    public static IncomingEvent Registration(string trajectoryId, DateTimeOffset at, string? eventId = null) => new(
        $"urn:nld:oin:{Municipality}:systeem:zaaksysteem", eventId ?? $"reg-{trajectoryId}", EventTypes.Registered, trajectoryId, at,
        MunicipalitySender, """{"kanaal":"telefoon"}""",
        Registration: new Registration(Standard, Municipality, "hash-" + trajectoryId, "cipher-" + trajectoryId,
            new Participant(Counsellor, PartnerRole.DebtCounsellor, "Fatima de Vries", "consulent-7")));

    /// <summary>The municipality links an organisation to a trajectory, so that it may send events and read it.</summary>
    public static IncomingEvent Link(string trajectoryId, string organisation, PartnerRole role) =>
        Event(trajectoryId, EventTypes.ParticipantLinked, Monday, eventId: $"link-{trajectoryId}-{organisation}") with
        {
            Participant = new Participant(organisation, role),
        };

    public static IncomingEvent Event(
        string trajectoryId, string type, DateTimeOffset at, Sender? sender = null, string? eventId = null, string? guard = null, string? outcome = null) => new(
        $"urn:nld:oin:{(sender ?? MunicipalitySender).Organisation}:systeem:regie", eventId ?? Guid.NewGuid().ToString(), type, trajectoryId, at,
        sender ?? MunicipalitySender, Facts: guard is null ? null : new HashSet<string> { guard }, Outcome: outcome,
        TraceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    /// <summary>Rows per table, read straight from the database.</summary>
    public async Task<TableCounts> CountAsync()
    {
        await using var connection = await Store.Dialect.OpenAsync(CancellationToken.None);
        async Task<long> Count(string table) => await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
        return new TableCounts(
            await Count("trajectories"), await Count("history"), await Count("inbox"), await Count("timers"), await Count("outbox"), await Count("audit"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}

public sealed record TableCounts(long Trajectories, long History, long Inbox, long Timers, long Outbox, long Audit);
