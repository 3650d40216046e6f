using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

/// <summary>What a connected signal partner hears of the case its signal joined, per DDAS end result, and that nobody else hears it.</summary>
public class SignalPartnerFeedbackTests
{
    private static readonly OutreachSettings Settings = new(Hub.Oin, new Dictionary<string, string>());

    /// <summary>Each end result with the signal status the partner may learn, written out here rather than taken from the contract.</summary>
    private static readonly (string EndResult, string PartnerLearns)[] Expected =
    [
        ("Niet opgepakt: herhaalde melding", "Herhaalde melding"),
        ("Niet opgepakt: onterecht signaal", "Onterecht signaal"),
        ("Inwoner is overleden", "Overleden"),
        ("Persoon is geen inwoner (meer) in de gemeente", "Woont niet in gemeente"),
        ("Niet opgepakt: andere reden", "Niet opgepakt"),
        ("Inwoner al bekend bij schuldhulpverlening", "Opgepakt"),
        ("Inwoner heeft al een ander lopend traject", "Opgepakt"),
        ("Definitief geen contact kunnen krijgen", "Opgepakt"),
        ("Geen reactie na eerder contact", "Opgepakt"),
        ("Inwoner hoeft geen hulp vanuit vroegsignalering", "Opgepakt"),
        ("Inwoner heeft zelf al betaald/betalingsregeling getroffen", "Opgepakt"),
        ("(Budget)advies en/of ‘quick fix’", "Opgepakt"),
        ("Vervolghulp en/of verwijzing financieel", "Opgepakt"),
        ("Verwijzing zonder contact", "Opgepakt"),
        ("Vervolghulp en/of verwijzing niet financieel", "Opgepakt"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in TestDatabase.Providers)
        {
            foreach (var (endResult, learns) in Expected)
            {
                data.Add(provider, endResult, learns);
            }
        }

        return data;
    }

    [Fact]
    public void Every_end_result_is_covered() =>
        Assert.Equal(Enum.GetValues<EndResult>().Select(EnumWireNames.Of).Order(), Expected.Select(pair => pair.EndResult).Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_signal_partner_learns_only_the_status_its_end_result_allows_and_no_other_partner_hears_it(string provider, string endResult, string learns)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);
        var ours = await cases.OpenOrJoinAsync(Signal("sig-1", "huishouden-1", Landlord));
        var theirs = await cases.OpenOrJoinAsync(Signal("sig-2", "huishouden-2", EnergySupplier));
        var attempt = await harness.Store.ApplyAsync(Event(ours.TrajectoryId, EventTypes.ContactAttempted, Monday.AddDays(1)) with
        {
            Data = """{"soort":"Huisbezoek","bereikt":true,"datum":"2026-03-03","dagdeel":"Avond"}""",
        });
        var closing = new OutreachClosed(JsonSerializer.Deserialize<EndResult>($"\"{endResult}\"", EventDataJson.Options), "Reden alleen voor de gemeente");
        var closed = await harness.Store.ApplyAsync(Event(ours.TrajectoryId, EventTypes.OutreachClosed, Monday.AddDays(2), outcome: ((IEventData)closing).Outcome) with
        {
            Data = JsonSerializer.Serialize(closing, EventDataJson.Options),
        });

        Assert.Equal((ApplyStatus.Accepted, ApplyStatus.Accepted, "afgesloten"), (attempt.Status, closed.Status, closed.Phase));
        var heard = (await OutboxAsync(harness, ours.TrajectoryId)).Where(row => row.Audience == "signaalpartner").ToList();
        Assert.All(heard, row => Assert.Equal(Landlord, row.Recipients));
        Assert.Equal([("Nog niet opgepakt", false), ("Opgepakt", false), (learns, true)], heard.Select(row => Status(row.Payload)));
        Assert.Equal(closed.Sequence, heard[^1].Sequence);
        Assert.All(heard, row => Assert.Equal(["audience", "closed", "id", "status", "updatedAt"], Properties(row.Payload)));
        Assert.DoesNotContain(await OutboxAsync(harness, ours.TrajectoryId), row => row.Recipients.Contains(EnergySupplier, StringComparison.Ordinal));
        Assert.Equal([("Nog niet opgepakt", false)],
            (await OutboxAsync(harness, theirs.TrajectoryId)).Where(row => row.Audience == "signaalpartner").Select(row => Status(row.Payload)));
    }

    private static OutreachRequest Signal(string signalId, string household, string partner) => new(
        Municipality,
        household,
        new SignalJoined(signalId, SignalPartnerType.Rent, "Woonstichting De Poort", 850, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 1), false, false,
            SignalStatus.NotYetPickedUp),
        Monday,
        MatchingMonths: 6,
        PartnerOrganisation: partner);

    private static (string Status, bool Closed) Status(string payload)
    {
        var view = JsonDocument.Parse(payload).RootElement;
        return (view.GetProperty("status").GetString()!, view.GetProperty("closed").GetBoolean());
    }

    private static IEnumerable<string> Properties(string payload) =>
        JsonDocument.Parse(payload).RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal);

    private static async Task<List<(long Sequence, string Audience, string Recipients, string Payload)>> OutboxAsync(StoreHarness harness, string trajectoryId)
    {
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(long, string, string, string)>(
            "SELECT sequence, audience, recipients, payload FROM outbox WHERE trajectory_id = @trajectoryId ORDER BY sequence", new { trajectoryId })).AsList();
    }
}
