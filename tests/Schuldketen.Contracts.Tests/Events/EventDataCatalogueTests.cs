using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

public sealed class EventDataCatalogueTests
{
    [Fact]
    public void Every_partner_event_type_is_in_the_event_catalogue() =>
        Assert.All(EventDataCatalogue.DataTypes.Keys, type => Assert.True(EventCatalogue.Contains(type), type));

    [Theory]
    [InlineData(EventTypes.Registered)]
    [InlineData(EventTypes.DeadlinePassed)]
    [InlineData(EventTypes.ObjectionPeriodExpired)]
    [InlineData(EventTypes.MoratoriumExpired)]
    [InlineData(EventTypes.Migrated)]
    [InlineData(EventTypes.StatusChanged)]
    public void Types_the_hub_raises_are_not_partner_events(string type) =>
        Assert.False(EventDataCatalogue.IsPartnerEvent(type));

    [Fact]
    public void Every_other_type_of_the_catalogue_is_a_partner_event()
    {
        string[] raisedByHub =
        [
            EventTypes.Registered, EventTypes.DeadlinePassed, EventTypes.ObjectionPeriodExpired, EventTypes.MoratoriumExpired, EventTypes.Migrated,
            EventTypes.StatusChanged, EventTypes.SignalJoined,
        ];

        Assert.Equal(
            EventCatalogue.All.Select(info => info.Type).Except(raisedByHub).Order(),
            EventDataCatalogue.DataTypes.Keys.Order());
    }

    [Fact]
    public void Every_record_is_event_data() =>
        Assert.All(EventDataCatalogue.DataTypes.Values, type => Assert.True(typeof(IEventData).IsAssignableFrom(type), type.Name));

    [Fact]
    public void The_new_types_have_a_dutch_description()
    {
        Assert.Equal("Een organisatie is aan het traject gekoppeld", EventCatalogue.Find(EventTypes.ParticipantLinked)!.Description);
        Assert.Equal("Een organisatie is van het traject ontkoppeld", EventCatalogue.Find(EventTypes.ParticipantUnlinked)!.Description);
        Assert.Equal("Er is een schuldhulpverlener toegewezen", EventCatalogue.Find(EventTypes.CounsellorAssigned)!.Description);
    }
}
