using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Ddas.Report;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Outreach;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Tests.Outreach;

public sealed class OutreachReportTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ddas", "json_schema_Uitwisselmodel.json"))));

    private static readonly ReportPeriod FirstQuarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

    private static readonly DateTimeOffset DeliveredAt = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_quarter_holds_the_cases_open_in_it_with_their_signals_attempts_and_results_and_is_valid_DDAS()
    {
        var report = Report(
            Case("closed-in-q1", Noon(2026, 2, 2), Signal("s-1", SignalPartnerType.Energy, crisis: true), Attempt(ContactKind.Letter, false, 2026, 2, 3),
                Attempt(ContactKind.Phone, true, 2026, 2, 5, DayPart.Evening), Closed(EndResult.FinancialFollowUp, 2026, 2, 20)),
            Case("open", Noon(2026, 3, 30), Signal("s-2", SignalPartnerType.Rent), Signal("s-3", SignalPartnerType.Water)),
            Case("closed-before", Noon(2025, 11, 3), Signal("s-4", SignalPartnerType.Rent), Closed(EndResult.NoContact, 2025, 12, 30)),
            Case("opened-after", Noon(2026, 4, 1), Signal("s-5", SignalPartnerType.Rent)));

        var json = JsonSerializer.SerializeToElement(report, DdasJson.Options);

        AssertValid(json);
        Assert.Equal(["s-1", "s-2", "s-3"], report.Signals.Select(signal => signal.Id));
        var closed = report.Cases[0];
        Assert.Equal(("GM0599", new DateOnly(2026, 2, 2), new DateOnly(2026, 8, 2), new DateOnly(2026, 2, 3)),
            (closed.MunicipalityCode, closed.MatchedOn, closed.MatchingPeriodEnd, closed.PickedUpOn));
        Assert.Equal("Verwijzing financieel", json.GetProperty("vroegsignaalzaken")[0].GetProperty("resultaat").GetString());
        Assert.Equal(["Brief", "Telefoon"], closed.ContactAttempts.Select(attempt => JsonSerializer.Serialize(attempt.Kind, DdasJson.Options).Trim('"')));
        Assert.Equal("Opgepakt", json.GetProperty("vroegsignalen")[0].GetProperty("status").GetString());
        Assert.Equal("Jansen", json.GetProperty("vroegsignalen")[0].GetProperty("client").GetProperty("Achternaam").GetString());
        var open = json.GetProperty("vroegsignaalzaken")[1];
        Assert.False(open.TryGetProperty("resultaat", out _));
        Assert.False(open.TryGetProperty("datum_opgepakt", out _));
        Assert.Equal(["s-2", "s-3"], open.GetProperty("vroegsignalen").EnumerateArray().Select(reference => reference.GetProperty("ID").GetString()));
        Assert.Equal("Nog niet opgepakt", json.GetProperty("vroegsignalen")[1].GetProperty("status").GetString());
    }

    [Fact]
    public void A_signal_whose_personal_data_was_deleted_is_reported_with_an_empty_client()
    {
        var json = JsonSerializer.SerializeToElement(Report(Case("open", Noon(2026, 1, 5), Signal("gone", SignalPartnerType.HealthInsurance))), DdasJson.Options);

        AssertValid(json);
        Assert.Empty(json.GetProperty("vroegsignalen")[0].GetProperty("client").EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(EveryEndResult))]
    public void Every_end_result_is_reported_with_a_code_CBS_accepts_and_the_status_its_partner_may_learn(EndResult result)
    {
        var report = Report(Case("closed", Noon(2026, 1, 5), Signal("s-1", SignalPartnerType.Energy), Closed(result, 2026, 1, 9)));

        AssertValid(JsonSerializer.SerializeToElement(report, DdasJson.Options));
        Assert.Equal(EndResults.Of(result).PartnerLearns, report.Signals[0].Status);
        Assert.Equal(CbsEndResults.For(result), report.Cases[0].Result);
    }

    public static TheoryData<EndResult> EveryEndResult() => new(Enum.GetValues<EndResult>());

    [Theory]
    [InlineData("an unknown end result", "/vroegsignaalzaken/0/resultaat", "\"Opgelost\"")]
    [InlineData("an unknown partner type", "/vroegsignalen/0/signaalpartner/type", "\"Telecom\"")]
    [InlineData("an unknown contact kind", "/vroegsignaalzaken/0/contactpogingen/0/soort", "\"Duif\"")]
    [InlineData("a date that is not a date", "/vroegsignalen/0/signaaldatum", "\"31-01-2026\"")]
    [InlineData("an amount with cents", "/vroegsignalen/0/bedrag", "12.5")]
    public void A_delivery_with_a_value_DDAS_does_not_know_fails_validation(string fault, string pointer, string value)
    {
        var json = ValidDelivery();
        Replace(json, pointer, JsonNode.Parse(value));

        AssertInvalid(json, fault);
    }

    [Theory]
    [InlineData("/", "codeGegevensleverancier")]
    [InlineData("/", "startdatumLevering")]
    [InlineData("/vroegsignaalzaken/0", "gemeentecode")]
    [InlineData("/vroegsignalen/0", "client")]
    [InlineData("/vroegsignalen/0", "ID")]
    public void A_delivery_missing_a_required_field_fails_validation(string parent, string field)
    {
        var json = ValidDelivery();
        ((JsonObject)Find(json, parent)).Remove(field);

        AssertInvalid(json, $"{parent} without {field}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/vroegsignalen/0")]
    [InlineData("/vroegsignaalzaken/0")]
    public void A_delivery_with_a_property_DDAS_does_not_define_fails_validation(string parent)
    {
        var json = ValidDelivery();
        ((JsonObject)Find(json, parent))["opmerking"] = "niet in het model";

        AssertInvalid(json, $"an extra property at {parent}");
    }

    private static JsonNode ValidDelivery()
    {
        var report = Report(Case("closed", Noon(2026, 1, 5), Signal("s-1", SignalPartnerType.Energy), Attempt(ContactKind.HomeVisit, true, 2026, 1, 6),
            Closed(EndResult.AdviceOrQuickFix, 2026, 1, 9)));
        var json = JsonSerializer.SerializeToNode(report, DdasJson.Options)!;
        AssertValid(JsonSerializer.SerializeToElement(json));
        return json;
    }

    private static void AssertValid(JsonElement json)
    {
        var result = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
    }

    private static void AssertInvalid(JsonNode json, string fault)
    {
        var result = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { RequireFormatValidation = true });
        Assert.False(result.IsValid, $"A delivery with {fault} passed DDAS's schema.");
    }

    private static JsonNode Find(JsonNode root, string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(root, (node, step) => int.TryParse(step, out var index) ? node[index]! : node[step]!);

    private static void Replace(JsonNode root, string pointer, JsonNode? value)
    {
        var last = pointer.LastIndexOf('/');
        var parent = Find(root, pointer[..last]);
        parent[pointer[(last + 1)..]] = value;
    }

    private static DdasDelivery Report(params OutreachCaseRecord[] cases) =>
        OutreachReport.Build(FirstQuarter, DeliveredAt, "schuldketen", "GM0599", cases, Clients);

    private static readonly IReadOnlyDictionary<string, DdasClient> Clients = new Dictionary<string, DdasClient>
    {
        ["s-1"] = new(Initials: "J.", Surname: "Jansen", BornOn: new DateOnly(1980, 5, 1), Street: "Coolsingel", Postcode: "3011AD", HouseNumber: "40", Town: "Rotterdam"),
        ["s-2"] = new(Bsn: "111222333", Surname: "de Vries", Street: "Blaak", Postcode: "3011TA", HouseNumber: "8", HouseNumberAddition: "B", Town: "Rotterdam"),
        ["s-3"] = new(Surname: "de Vries", Street: "Blaak", Postcode: "3011TA", HouseNumber: "8", HouseNumberAddition: "B", Town: "Rotterdam"),
    };

    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 11, 0, 0, TimeSpan.Zero);

    private static OutreachCaseRecord Case(string id, DateTimeOffset openedAt, params Func<int, DateTimeOffset, StoredHistoryEntry>[] events) =>
        new(id, openedAt, openedAt.AddMonths(6),
            [Entry(0, EventTypes.Registered, openedAt, "{}"), .. events.Select((entry, index) => entry(index + 1, openedAt))]);

    private static Func<int, DateTimeOffset, StoredHistoryEntry> Signal(string id, SignalPartnerType type, bool crisis = false) =>
        (sequence, openedAt) => Entry(sequence, EventTypes.SignalJoined, openedAt, JsonSerializer.Serialize(
            new SignalJoined(id, type, "Partner " + id, 412, new DateOnly(2025, 12, 1), DateOnly.FromDateTime(openedAt.UtcDateTime),
                crisis, false, SignalStatus.NotYetPickedUp), EventDataJson.Options));

    private static Func<int, DateTimeOffset, StoredHistoryEntry> Attempt(ContactKind kind, bool reached, int year, int month, int day, DayPart? part = null) =>
        (sequence, _) => Entry(sequence, EventTypes.ContactAttempted, Noon(year, month, day),
            JsonSerializer.Serialize(new ContactAttempted(kind, reached, new DateOnly(year, month, day), part), EventDataJson.Options));

    private static Func<int, DateTimeOffset, StoredHistoryEntry> Closed(EndResult result, int year, int month, int day) =>
        (sequence, _) => Entry(sequence, EventTypes.OutreachClosed, Noon(year, month, day), JsonSerializer.Serialize(new OutreachClosed(result), EventDataJson.Options));

    private static StoredHistoryEntry Entry(long sequence, string type, DateTimeOffset at, string data) =>
        new(sequence, type, "urn:test", $"e-{sequence}", "fase", null, at, at, "00000001001234567000", "gemeente", null, data);
}
