using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Overview;
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_overview_counts_per_channel_registrations_early_drop_outs_and_days_to_the_first_conversation(string provider)
    {
        await using var harness = new StoreHarness(provider);
        // Website: first conversations after 2, 3 and 9 days. Phone: one drops out before it, one is still waiting.
        (string Id, Channel Channel, int? TalkAfterDays, bool DropsOut)[] residents =
        [
            ("web-1", Channel.Website, 2, false), ("web-2", Channel.Website, 3, false), ("web-3", Channel.Website, 9, false),
            ("tel-1", Channel.Phone, null, true), ("tel-2", Channel.Phone, null, false),
        ];
        foreach (var (id, channel, talkAfterDays, dropsOut) in residents)
        {
            var registration = Registration(id, Monday);
            await harness.Store.ApplyAsync(registration with { Registration = registration.Registration! with { Channel = channel } });
            await harness.Store.ApplyAsync(Event(id, EventTypes.CrisisCheckCompleted, Monday.AddDays(1), guard: "geen-crisis"));
            if (talkAfterDays is { } days)
            {
                await harness.Store.ApplyAsync(Event(id, EventTypes.FirstConversationHeld, Monday.AddDays(days), sender: CounsellorSender));
            }

            if (dropsOut)
            {
                await harness.Store.ApplyAsync(Event(id, EventTypes.DroppedOut, Monday.AddDays(5), outcome: "uitval"));
            }
        }

        var overview = (await new ChainOverviewReader(harness.Store, harness.Engine.Library, harness.Clock).ReadAsync(MunicipalitySender, CancellationToken.None))!;

        Assert.Equal(Channels.All, overview.Channels.Select(flow => flow.Channel));
        Assert.Equal(new(Channel.Website, 3, 0, 3, 3, 9), overview.Channels.Single(flow => flow.Channel == Channel.Website));
        Assert.Equal(new(Channel.Phone, 2, 1, 0, null, null), overview.Channels.Single(flow => flow.Channel == Channel.Phone));
        Assert.All(overview.Channels.Where(flow => flow.Channel is not (Channel.Website or Channel.Phone)),
            flow => Assert.Equal(new(flow.Channel, 0, 0, 0, null, null), flow));
    }
}
