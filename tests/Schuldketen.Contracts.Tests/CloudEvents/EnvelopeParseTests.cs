using System.Text.Json;
using Schuldketen.Contracts.CloudEvents;

namespace Schuldketen.Contracts.Tests.CloudEvents;

public sealed class EnvelopeParseTests
{
    [Fact]
    public void A_valid_nl_gov_event_parses()
    {
        var result = CloudEventEnvelope.Parse(Events.Element(Events.Valid().ToJsonString()));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var envelope = result.Envelope;
        Assert.Equal(Events.Oin, envelope.SourceOin);
        Assert.Equal("0b7a4c1e-3f2d-4e5a-9c8b-1d2e3f4a5b6c", envelope.Id);
        Assert.Equal("1.0", envelope.SpecVersion);
        Assert.Equal(EventTypes.CrisisCheckCompleted, envelope.Type);
        Assert.Equal("trj-7f3a9c", envelope.Subject);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)), envelope.Time);
        Assert.Equal("application/json", envelope.DataContentType);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", envelope.TraceParent);
        Assert.Equal("7", Assert.Single(envelope.Extensions, extension => extension.Key == "sequence").Value.GetString());
        Assert.DoesNotContain("traceparent", envelope.Extensions.Keys);
        Assert.True(envelope.Data!.Value.GetProperty("crisis").GetBoolean());
    }

    [Fact]
    public void Optional_attributes_may_be_left_out_or_null()
    {
        var json = $$"""
            {"specversion":"1.0","id":"1","source":"urn:nld:oin:{{Events.Oin}}","type":"{{EventTypes.CrisisAverted}}",
             "subject":"trj-1","time":null,"datacontenttype":null,"dataschema":null}
            """;

        var envelope = CloudEventEnvelope.Parse(Events.Element(json)).Envelope!;

        Assert.Equal(Events.Oin, envelope.SourceOin);
        Assert.Null(envelope.Time);
        Assert.Null(envelope.DataContentType);
        Assert.Null(envelope.DataSchema);
        Assert.Null(envelope.Data);
        Assert.Null(envelope.TraceParent);
        Assert.Empty(envelope.Extensions);
    }

    [Fact]
    public void The_envelope_outlives_the_document_it_came_from()
    {
        CloudEventEnvelope envelope;
        using (var document = JsonDocument.Parse(Events.Valid().ToJsonString()))
        {
            envelope = CloudEventEnvelope.Parse(document.RootElement).Envelope!;
        }

        Assert.Equal("huisuitzetting", envelope.Data!.Value.GetProperty("kind").GetString());
        Assert.Equal("7", envelope.Extensions["sequence"].GetString());
    }
}
