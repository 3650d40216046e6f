using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class ChannelTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_keeps_the_channel_it_came_in_by_and_one_without_counts_as_systeem(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var byPhone = Registration("trj-telefoon", Monday);
        await harness.Store.ApplyAsync(byPhone with { Registration = byPhone.Registration! with { Channel = Channel.Phone } });
        await harness.Store.ApplyAsync(Registration("trj-api", Monday));

        Assert.Equal(Channel.Phone, (await harness.Store.FindAsync("trj-telefoon"))!.Channel);
        Assert.Equal(Channel.System, (await harness.Store.FindAsync("trj-api"))!.Channel);
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        Assert.Equal("telefoon", await connection.QuerySingleAsync<string>("SELECT channel FROM trajectories WHERE id = 'trj-telefoon'"));
    }
}
