using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Azure.Functions.Worker;
using Schuldketen.Contracts;
using Schuldketen.Functions.Worker.Http;
using Schuldketen.Functions.Worker.Timers;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Residents;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Functions.Tests;

/// <summary>One run of each timer function does the round the embedded host's timer does on its interval.</summary>
public class TimerFunctionTests
{
    private const string Bsn = "111222333";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_of_the_deadline_timer_fires_the_passed_deadline_and_a_run_of_the_notice_timer_tells_the_resident(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider);
        var api = app.Functions<PartnerApiFunctions>();
        var timers = app.Functions<TimerFunctions>();
        var municipality = app.TokenFor(Municipality, PartnerRole.Municipality, "medewerker-1");
        var registration = new JsonObject
        {
            ["bsn"] = Bsn,
            ["counsellor"] = new JsonObject { ["organisation"] = Counsellor, ["contactName"] = Registrations.CounsellorContact },
        };
        var id = (await app.CallAsync(api.RegisterTrajectory, "POST", "/api/v1/trajectories", municipality, registration.ToJsonString(), "application/json"))
            .Json.GetProperty("id").GetString()!;

        // The crisis check (3 working days from Monday 2 March) was due on Thursday 5 March.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 23, 0, 0, TimeSpan.Zero));
        await timers.FireDueDeadlinesAsync(new TimerInfo(), CancellationToken.None);

        var history = await app.CallAsync(api.GetTrajectoryHistory, "GET", $"/api/v1/trajectories/{id}/history", municipality);
        Assert.Equal([EventTypes.Registered, EventTypes.DeadlinePassed], history.Json.EnumerateArray().Select(entry => entry.GetProperty("type").GetString()));

        var inbox = app.Service<NoticeStore>();
        Assert.True(Contracts.Bsn.TryParse(Bsn, out var bsn));
        var subject = app.Service<SubjectProtector>().Hash(bsn);
        Assert.Empty(await inbox.InboxAsync(subject, CancellationToken.None));
        app.Clock.Advance(NoticeStore.LateCommit * 2);
        await timers.NotifyResidentsAsync(new TimerInfo(), CancellationToken.None);
        Assert.Contains(await inbox.InboxAsync(subject, CancellationToken.None), notice => notice.Text.StartsWith("De termijn \"Crisis aanpakken of uitsluiten\" is voorbij.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_of_the_retention_timer_deletes_the_personal_data_of_a_signal_past_its_retention_period(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "3500",
            ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "3599",
            ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = Municipality,
            [$"Schuldketen:Signals:Partners:{Landlord}:Type"] = "Huur",
            [$"Schuldketen:Signals:Partners:{Landlord}:Name"] = "Woonstichting De Sleutel",
            ["Schuldketen:Signals:RetentionMonths"] = "3",
        });
        var signals = app.Functions<SignalFunctions>();
        var landlord = app.TokenFor(Landlord, PartnerRole.SignalPartner);
        var posted = await app.CallAsync(signals.PostSignals, "POST", "/api/v1/signals", landlord,
            JsonSerializer.Serialize(new[] { Signal("keep-1"), Signal("gone-1") }), "application/json");
        Assert.True(posted.Status == 202, posted.Body);
        var import = posted.Headers.Location.ToString();
        await Poll.UntilAsync(async () =>
            (await app.CallAsync(signals.GetSignalImport, "GET", import, landlord)).Json.GetProperty("done").GetBoolean(), "the import to be done");

        app.Clock.Advance(TimeSpan.FromDays(95));
        await app.Functions<TimerFunctions>().PurgeExpiredSignalsAsync(new TimerInfo(), CancellationToken.None);

        await using var connection = await app.Store.Dialect.OpenAsync(default);
        var ciphers = (await connection.QueryAsync<string?>("SELECT personal_cipher FROM signals ORDER BY received_at, import_line")).AsList();
        Assert.Equal(2, ciphers.Count);
        Assert.NotNull(ciphers[0]);
        Assert.Null(ciphers[1]);
    }

    /// <summary>The landlord's signal about the same resident at 3511AB 12: the second one is a repeat, which joins no case.</summary>
    private static Dictionary<string, object?> Signal(string id) => new()
    {
        ["ID"] = id,
        ["crisissignaal"] = false,
        ["warmeOverdracht"] = false,
        ["bedrag"] = 850,
        ["ontstaansdatum"] = "2026-01-05",
        ["signaaldatum"] = "2026-02-20",
        ["client"] = new Dictionary<string, object?>
        {
            ["Voorletters"] = "P.",
            ["Achternaam"] = "Jansen",
            ["Geboortedatum"] = "1980-04-01",
            ["Straatnaam"] = "Kerkstraat",
            ["Postcode"] = "3511AB",
            ["Huisnummer"] = "12",
            ["Plaatsnaam"] = "Utrecht",
            ["Telefoonnummer"] = "06-12345678",
        },
    };
}
