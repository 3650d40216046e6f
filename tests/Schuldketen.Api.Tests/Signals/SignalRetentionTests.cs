using Dapper;
using static Schuldketen.Api.Tests.Signals.SignalHub;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>The retention timer on the fake clock: personal data of signals that did not lead to help goes a period after closing, audited without it.</summary>
public class SignalRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_that_joined_no_case_loses_its_personal_data_after_the_retention_period_and_stays_known_as_a_repeat(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?> { ["Schuldketen:Signals:RetentionMonths"] = "3" });
        using (var landlord = Partner(hub, Landlord))
        {
            await ImportAsync(hub, landlord, Json(new[] { Signal("keep-1"), Signal("gone-1") }));
        }

        hub.Clock.Advance(TimeSpan.FromDays(80));
        Assert.All(await SignalsAsync(hub), signal => Assert.NotNull(signal.PersonalCipher));

        hub.Clock.Advance(TimeSpan.FromDays(15));
        await Poll.UntilAsync(async () => (await SignalsAsync(hub))[1].PersonalCipher is null, "the repeated signal's personal data to be deleted");

        var stored = await SignalsAsync(hub);
        Assert.NotNull(stored[0].PersonalCipher);
        Assert.Null(stored[1].Amount);
        await using (var connection = await hub.Store.Dialect.OpenAsync(default))
        {
            var audit = (await connection.QueryAsync<(string?, string?)>(
                "SELECT subject_cipher, actor_person FROM audit WHERE activity = 'vroegsignaal-bewaartermijn-verstreken'")).AsList();
            Assert.Equal([(null, null)], audit);
        }

        using var later = Partner(hub, Landlord);
        var again = await ImportAsync(hub, later, Json(new[] { Signal("gone-1") }));
        Assert.Equal(1, again.GetProperty("accepted").GetInt64());
        Assert.Equal(2, (await SignalsAsync(hub)).Count);
    }
}
