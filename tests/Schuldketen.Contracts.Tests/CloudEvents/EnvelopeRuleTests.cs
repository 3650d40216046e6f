using System.Text.Json;
using Schuldketen.Contracts.CloudEvents;

namespace Schuldketen.Contracts.Tests.CloudEvents;

public sealed class EnvelopeRuleTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("\"event\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void Anything_but_an_object_is_refused(string json) =>
        AssertSingle(CloudEventEnvelope.Parse(Events.Element(json)), "", EnvelopeRules.NotAnObject);

    [Theory]
    [InlineData("id", null)]
    [InlineData("id", "\"\"")]
    [InlineData("id", "null")]
    [InlineData("source", null)]
    [InlineData("specversion", null)]
    [InlineData("type", "\"\"")]
    public void Required_attributes_must_be_there(string attribute, string? json) =>
        AssertSingle(Parse(attribute, json), attribute, EnvelopeRules.Required);

    [Theory]
    [InlineData("id", "42")]
    [InlineData("source", "{}")]
    [InlineData("specversion", "1.0")]
    [InlineData("type", "[]")]
    [InlineData("subject", "7")]
    [InlineData("time", "1772353800")]
    [InlineData("datacontenttype", "true")]
    [InlineData("dataschema", "{}")]
    [InlineData("traceparent", "1")]
    [InlineData("sequence", "{\"n\":1}")]
    [InlineData("sequence", "1.5")]
    public void Attributes_must_have_their_json_type(string attribute, string json) =>
        AssertSingle(Parse(attribute, json), attribute, EnvelopeRules.AttributeType);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1e3")]
    [InlineData("1.0")]
    [InlineData("[\"Z-2026-17\"]")]
    public void Extension_values_are_strings_booleans_or_32_bit_integers(string json) =>
        AssertSingle(Parse("zaaknummer", json), "zaaknummer", EnvelopeRules.AttributeType);

    [Theory]
    [InlineData("\"Z-2026-17\"")]
    [InlineData("true")]
    [InlineData("-2147483648")]
    [InlineData("2147483647")]
    public void Extension_values_of_the_cloudevents_types_are_kept(string json)
    {
        var result = Parse("zaaknummer", json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(json, result.Envelope.Extensions["zaaknummer"].GetRawText());
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("1")]
    [InlineData("1.0.2")]
    public void Only_specversion_one_zero_is_spoken(string version) =>
        AssertSingle(Parse("specversion", $"\"{version}\""), "specversion", EnvelopeRules.SpecVersion);

    [Theory]
    [InlineData("2026-13-01T09:30:00Z")]
    [InlineData("2026-03-01T09:30:00")]
    [InlineData("2026-03-01")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-03-01 09:30:00Z")]
    [InlineData("01-03-2026T09:30:00Z")]
    [InlineData("2026-03-01T25:30:00Z")]
    [InlineData("")]
    public void Time_must_be_rfc3339_with_a_zone(string time) =>
        AssertSingle(Parse("time", $"\"{time}\""), "time", EnvelopeRules.Time);

    [Theory]
    [InlineData("2026-03-01T09:30:00Z")]
    [InlineData("2026-03-01t09:30:00.123456z")]
    [InlineData("2026-03-01T09:30:00.5-05:00")]
    public void Time_takes_every_rfc3339_form(string time) =>
        Assert.True(Parse("time", $"\"{time}\"").IsValid);

    [Theory]
    [InlineData("TraceId")]
    [InlineData("trace_id")]
    [InlineData("abcdefghijklmnopqrstu")]
    [InlineData("Data")]
    [InlineData("zaak-nummer")]
    [InlineData("zaaknümmer")]
    public void Extension_names_are_short_lowercase_letters_and_digits(string name) =>
        AssertSingle(Parse(name, "\"x\""), name, EnvelopeRules.ExtensionName);

    [Fact]
    public void An_extension_name_of_twenty_lowercase_letters_and_digits_is_taken() =>
        Assert.True(Parse("abcdefghij0123456789", "\"x\"").IsValid);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("")]
    [InlineData("json")]
    public void Data_must_be_json(string contentType) =>
        AssertSingle(Parse("datacontenttype", $"\"{contentType}\""), "datacontenttype", EnvelopeRules.DataContentType);

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.schuldketen+json")]
    [InlineData("Application/JSON")]
    [InlineData("application/json;charset=\"utf-8\"")]
    public void Json_media_types_are_accepted(string contentType) =>
        Assert.True(Parse("datacontenttype", JsonSerializer.Serialize(contentType)).IsValid);

    [Theory]
    [InlineData("application/json; charset")]
    [InlineData("application /json")]
    [InlineData("application/json;")]
    [InlineData("application/json; charset=\"utf-8")]
    [InlineData("application/json, application/xml")]
    public void Datacontenttype_must_be_an_rfc_2046_media_type(string contentType) =>
        AssertSingle(Parse("datacontenttype", JsonSerializer.Serialize(contentType)), "datacontenttype", EnvelopeRules.DataContentType);

    [Fact]
    public void Data_and_data_base64_together_are_refused() =>
        AssertSingle(Parse("data_base64", "\"eyJjcmlzaXMiOmZhbHNlfQ==\""), "data_base64", EnvelopeRules.DataBase64);

    [Fact]
    public void Base64_data_is_refused()
    {
        var cloudEvent = Events.Valid();
        cloudEvent.Remove("data");
        cloudEvent["data_base64"] = "eyJjcmlzaXMiOmZhbHNlfQ==";

        AssertSingle(CloudEventEnvelope.Parse(Events.Element(cloudEvent.ToJsonString())), "data_base64", EnvelopeRules.DataBase64);
    }

    [Theory]
    [InlineData("")]
    [InlineData("crisischeck.json")]
    [InlineData("/api/v1/schemas/nl.schuldketen.crisischeck.uitgevoerd")]
    [InlineData("https://schemas.example/crisis check.json")]
    [InlineData("https://schemas.example/crisischeck%2.json")]
    [InlineData("https://schemas.example/crisischëck.json")]
    [InlineData("https://schemas.example/catalogus.json#a#b")]
    [InlineData("C:\\schemas\\crisischeck.json")]
    public void Dataschema_must_be_an_absolute_uri(string schema) =>
        AssertSingle(Parse("dataschema", JsonSerializer.Serialize(schema)), "dataschema", EnvelopeRules.DataSchema);

    [Theory]
    [InlineData("https://schemas.example/crisischeck.json")]
    [InlineData("https://schemas.example/catalogus.json#/crisischeck")]
    [InlineData("https://[2001:db8::1]:8443/schemas/crisischeck.json?versie=2")]
    [InlineData("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]
    public void Dataschema_takes_an_absolute_uri(string schema)
    {
        var result = Parse("dataschema", JsonSerializer.Serialize(schema));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(schema, result.Envelope.DataSchema);
    }

    [Theory]
    [InlineData("https://gemeente.example/zaken")]
    [InlineData("urn:nld:oin:1234")]
    [InlineData("urn:nld:oin:000000010012345670001")]
    [InlineData("urn:nld:kvk:12345678")]
    [InlineData("URN:NLD:OIN:00000001001234567000")]
    [InlineData("urn:nld:oin:00000001001234567000:")]
    public void Source_must_name_an_oin(string source) =>
        AssertSingle(Parse("source", JsonSerializer.Serialize(source)), "source", EnvelopeRules.NlGovSource);

    [Theory]
    [InlineData("urn:nld:oin:00000001001234567000:systeem:<zaak>")]
    [InlineData("urn:nld:oin:00000001001234567000:100%")]
    [InlineData("urn:nld:oin:00000001001234567000:systeem\\zaak")]
    [InlineData("urn:nld:oin:00000001001234567000:systeem#a#b")]
    public void Source_must_be_a_uri(string source) =>
        AssertSingle(Parse("source", JsonSerializer.Serialize(source)), "source", EnvelopeRules.NlGovSource);

    [Fact]
    public void A_system_name_with_escaped_characters_is_a_uri() =>
        Assert.Equal(Events.Oin, Parse("source", $"\"urn:nld:oin:{Events.Oin}:systeem:zaak%2Fbeheer\"").Envelope?.SourceOin);

    [Theory]
    [InlineData("source", "\"urn:nld:oin:00000001001234567000\\n\"")]
    [InlineData("id", "\"abc\\u0000\"")]
    [InlineData("id", "\"abc\\u202Edef\"")]
    [InlineData("subject", "\"a\\u200Db\"")]
    [InlineData("traceparent", "\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\\u0007\"")]
    [InlineData("id", "\"abc\\uFFFE\"")]
    [InlineData("subject", "\"trj-\\uFDD0\"")]
    [InlineData("zaaknummer", "\"Z-2026-17\\uFFFF\"")]
    public void Text_must_decode_and_hold_no_control_invisible_or_noncharacters(string attribute, string json) =>
        AssertSingle(Parse(attribute, json), attribute, EnvelopeRules.Text);

    [Fact]
    public void An_identifier_longer_than_its_limit_is_refused() =>
        AssertSingle(Parse("id", JsonSerializer.Serialize(new string('a', 257))), "id", EnvelopeRules.Text);

    [Theory]
    [InlineData("\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7\"")]
    [InlineData("\"01-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01\"")]
    public void Traceparent_must_be_a_w3c_trace_context(string json) =>
        AssertSingle(Parse("traceparent", json), "traceparent", EnvelopeRules.TraceParent);

    [Theory]
    [InlineData("crisischeck")]
    [InlineData("Nl.Schuldketen.crisischeck.uitgevoerd")]
    [InlineData("nl.schuldketen.bestaat.niet")]
    [InlineData(EventTypes.DeadlinePassed)]
    [InlineData(EventTypes.Registered)]
    public void Type_must_be_reverse_dns_and_sent_by_partners(string type) =>
        AssertSingle(Parse("type", $"\"{type}\""), "type", EnvelopeRules.NlGovType);

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("\"trj 7f3a9c\"")]
    [InlineData("\"123456782/dossier\"")]
    public void Subject_must_be_a_trajectory_id(string? json) =>
        AssertSingle(Parse("subject", json), "subject", EnvelopeRules.NlGovSubject);

    [Fact]
    public void A_subject_of_64_characters_is_the_longest() =>
        AssertSingle(Parse("subject", $"\"{new string('a', 65)}\""), "subject", EnvelopeRules.NlGovSubject);

    [Fact]
    public void Duplicate_attributes_are_refused()
    {
        var json = Events.Valid().ToJsonString().Replace("\"id\":", "\"id\":\"again\",\"id\":");

        AssertSingle(CloudEventEnvelope.Parse(Events.Element(json)), "id", EnvelopeRules.DuplicateAttribute);
    }

    [Fact]
    public void Every_broken_rule_is_reported_in_order()
    {
        var json = """
            {"specversion":"0.3","source":"urn:nld:kvk:1","type":"nl.schuldketen.onbekend",
             "time":"2026-03-01","Extra":1,"datacontenttype":"text/plain","dataschema":"","data_base64":"AA=="}
            """;

        var result = CloudEventEnvelope.Parse(Events.Element(json));

        Assert.Equal(
            [
                (EnvelopeRules.Required, "id"),
                (EnvelopeRules.SpecVersion, "specversion"),
                (EnvelopeRules.Time, "time"),
                (EnvelopeRules.ExtensionName, "Extra"),
                (EnvelopeRules.DataContentType, "datacontenttype"),
                (EnvelopeRules.DataSchema, "dataschema"),
                (EnvelopeRules.DataBase64, "data_base64"),
                (EnvelopeRules.NlGovSource, "source"),
                (EnvelopeRules.NlGovType, "type"),
                (EnvelopeRules.NlGovSubject, "subject"),
            ],
            result.Problems.Select(problem => (problem.Rule, problem.Attribute)));
    }

    [Theory]
    [InlineData("source", "\"urn:nld:oin:bsn-123456782\"", "123456782")]
    [InlineData("subject", "\"bsn-123456782 jansen\"", "jansen")]
    [InlineData("time", "\"1 maart 2026\"", "maart")]
    [InlineData("type", "\"nl.schuldketen.jansen\"", "jansen")]
    [InlineData("dataschema", "\"jansen.json\"", "jansen")]
    public void Messages_never_repeat_the_value_sent(string attribute, string json, string value)
    {
        var result = Parse(attribute, json);

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, problem => Assert.DoesNotContain(value, problem.Message));
    }

    private static EnvelopeResult Parse(string attribute, string? json) => CloudEventEnvelope.Parse(Events.With(attribute, json));

    private static void AssertSingle(EnvelopeResult result, string attribute, string rule)
    {
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((rule, attribute), (problem.Rule, problem.Attribute));
        Assert.Contains(attribute.Length > 0 ? attribute : "JSON object", problem.Message);
    }
}
