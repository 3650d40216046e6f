using System.Text.Json;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests;

public sealed class ChannelTests
{
    [Fact]
    public void The_controlled_list_has_the_agreed_wire_names_in_order() =>
        Assert.Equal(
            ["balie", "telefoon", "e-mail", "website", "wijkteam", "huisbezoek", "brief", "huisarts", "vroegsignalering", "systeem"],
            Channels.All.Select(channel => channel.WireName()));

    [Fact]
    public void Every_wire_name_reads_back_as_its_channel_and_an_unknown_name_does_not() =>
        Assert.All(Channels.All, channel =>
        {
            Assert.True(Channels.TryParse(channel.WireName(), out var read));
            Assert.Equal(channel, read);
            Assert.False(Channels.TryParse(channel.WireName().ToUpperInvariant() + "x", out _));
        });

    [Fact]
    public void A_registration_without_a_stated_channel_counts_as_systeem() =>
        Assert.Equal("systeem", Channels.Default.WireName());

    [Fact]
    public void A_contact_moment_with_a_channel_outside_the_list_is_refused_at_the_channel()
    {
        var data = JsonDocument.Parse("""{"channel":"postduif","subject":"Terugbelverzoek","reached":true,"at":"2026-11-23T10:00:00+01:00"}""").RootElement;

        var result = EventDataCatalogue.Validate(EventTypes.ContactMomentRecorded, data);

        Assert.Contains(result.Problems, problem => problem.Pointer == "/channel");
    }
}
