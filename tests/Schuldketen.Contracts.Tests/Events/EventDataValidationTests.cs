using System.Text.Json;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

public sealed class EventDataValidationTests
{
    public static TheoryData<string> Types => Samples.Types;

    [Fact]
    public void Every_partner_event_type_has_a_sample() =>
        Assert.Equal(EventDataCatalogue.DataTypes.Keys.Order(), Samples.ByType.Keys.Order());

    [Theory]
    [MemberData(nameof(Types))]
    public void A_valid_sample_reads_into_its_record(string type)
    {
        var result = EventDataCatalogue.Validate(type, Samples.Json(Samples.ByType[type]));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.IsType(EventDataCatalogue.DataTypes[type], result.Data);
    }

    [Fact]
    public void Values_arrive_in_the_record()
    {
        var result = EventDataCatalogue.Validate(EventTypes.StabilisationCompleted, Samples.Json(Samples.ByType[EventTypes.StabilisationCompleted]));

        Assert.Equal(new StabilisationCompleted(14, 23150.75m, 180m), result.Data);
    }

    [Theory]
    [InlineData(EventTypes.AccessGranted, """{"decidedOn":"2026-04-20"}""", "/planSummary")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":"ja"}""", "/crisis")]
    [InlineData(EventTypes.StabilisationCompleted, """{"creditorCount":"14","totalDebt":1,"monthlyRepaymentCapacity":1}""", "/creditorCount")]
    [InlineData(EventTypes.StabilisationCompleted, """{"creditorCount":1.5,"totalDebt":1,"monthlyRepaymentCapacity":1}""", "/creditorCount")]
    [InlineData(EventTypes.ObjectionFiled, """{"receivedOn":"2026-05-01","bsn":"123456782"}""", "/bsn")]
    [InlineData(EventTypes.SettlementAgreed, """{"form":"faillissement","startsOn":"2026-09-01"}""", "/form")]
    [InlineData(EventTypes.DroppedOut, """{"reason":"Geen-Contact"}""", "/reason")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":true,"kind":"brand"}""", "/kind")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":true}""", "/kind")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":true,"kind":null}""", "/kind")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":false,"kind":"huisuitzetting"}""", "/kind")]
    [InlineData(EventTypes.ConsolidationLoanGranted, """{"amount":-1,"startsOn":"2026-09-01"}""", "/amount")]
    [InlineData(EventTypes.StabilisationCompleted, """{"creditorCount":3,"totalDebt":-0.01,"monthlyRepaymentCapacity":1}""", "/totalDebt")]
    [InlineData(EventTypes.StabilisationCompleted, """{"creditorCount":3,"totalDebt":"100","monthlyRepaymentCapacity":1}""", "/totalDebt")]
    [InlineData(EventTypes.MoratoriumGranted, """{"until":"31-12-2026"}""", "/until")]
    [InlineData(EventTypes.MoratoriumGranted, """{"until":"2026-12-31T00:00:00Z"}""", "/until")]
    [InlineData(EventTypes.MoratoriumGranted, """{"until":"2026-02-30"}""", "/until")]
    [InlineData(EventTypes.FirstConversationHeld, """{"heldAt":"2026-03-02"}""", "/heldAt")]
    [InlineData(EventTypes.ParticipantLinked, """{"organisation":"1234","role":"schuldeiser"}""", "/organisation")]
    [InlineData(EventTypes.ParticipantLinked, """{"organisation":"00000001001234567000","role":"gemeente"}""", "/role")]
    [InlineData(EventTypes.ParticipantLinked, """{"organisation":"00000001001234567000","role":"hub"}""", "/role")]
    [InlineData(EventTypes.ParticipantUnlinked, """{"organisation":"1234","role":"huisarts"}""", "/organisation")]
    [InlineData(EventTypes.ParticipantUnlinked, """{"organisation":"00000001001234567000","role":"gemeente"}""", "/role")]
    [InlineData(EventTypes.ParticipantUnlinked, """{"organisation":"00000001001234567000"}""", "/role")]
    [InlineData(EventTypes.CounsellorAssigned, """{"organisation":"00000001001234567000","contactName":""}""", "/contactName")]
    [InlineData(EventTypes.Referred, """{"referredTo":7}""", "/referredTo")]
    [InlineData(EventTypes.AftercareCompleted, """{"outcome":"uitval"}""", "/outcome")]
    [InlineData(EventTypes.AccessGranted, """[]""", "")]
    public void Invalid_data_names_the_member_to_fix(string type, string json, string pointer)
    {
        var result = EventDataCatalogue.Validate(type, Samples.Json(json));

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(pointer, problem.Pointer);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void A_text_too_long_is_refused()
    {
        var json = JsonSerializer.Serialize(new { referredTo = new string('x', 201) });

        var problem = Assert.Single(EventDataCatalogue.Validate(EventTypes.Referred, Samples.Json(json)).Problems);

        Assert.Equal("/referredTo", problem.Pointer);
        Assert.Contains("200", problem.Message);
    }

    [Fact]
    public void Every_missing_member_is_named()
    {
        var result = EventDataCatalogue.Validate(EventTypes.StabilisationCompleted, Samples.Json("{}"));

        Assert.Equal(["/creditorCount", "/monthlyRepaymentCapacity", "/totalDebt"], result.Problems.Select(problem => problem.Pointer).Order());
    }

    [Theory]
    [InlineData("null")]
    [InlineData(null)]
    public void Missing_data_is_refused_where_members_are_required(string? json)
    {
        var data = json is null ? default : Samples.Json(json);

        var problem = Assert.Single(EventDataCatalogue.Validate(EventTypes.MoratoriumGranted, data).Problems);

        Assert.Equal("", problem.Pointer);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(null)]
    [InlineData("{}")]
    public void Missing_data_is_fine_where_nothing_is_required(string? json)
    {
        var data = json is null ? default : Samples.Json(json);

        var result = EventDataCatalogue.Validate(EventTypes.CrisisAverted, data);

        Assert.Equal(new CrisisAverted(), result.Data);
    }

    [Theory]
    [InlineData(EventTypes.ParticipantLinked, """{"organisation":"12345678901234567890123","role":"schuldeiser"}""", "12345678901234567890123")]
    [InlineData(EventTypes.ParticipantUnlinked, """{"organisation":"12345678901234567890123","role":"huisarts"}""", "12345678901234567890123")]
    [InlineData(EventTypes.CrisisCheckCompleted, """{"crisis":true,"kind":"uitzetting-jansen"}""", "uitzetting-jansen")]
    [InlineData(EventTypes.StabilisationCompleted, """{"creditorCount":3,"totalDebt":-98765.43,"monthlyRepaymentCapacity":1}""", "98765")]
    [InlineData(EventTypes.AccessRefused, """{"decidedOn":"2026-04-20","reason":123456782}""", "123456782")]
    public void Problems_never_repeat_the_value_sent(string type, string json, string value)
    {
        var result = EventDataCatalogue.Validate(type, Samples.Json(json));

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, problem => Assert.DoesNotContain(value, problem.Message));
    }

    [Theory]
    [InlineData(EventTypes.Registered)]
    [InlineData("nl.schuldketen.bestaat-niet")]
    public void Validate_refuses_types_partners_do_not_send(string type) =>
        Assert.Throws<ArgumentException>(() => EventDataCatalogue.Validate(type, Samples.Json("{}")));
}
