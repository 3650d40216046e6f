using System.Text.Json;
using Schuldketen.Contracts.CloudEvents;

namespace Schuldketen.Contracts.Tests.CloudEvents;

public sealed class EnvelopeWriteTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 1, 9, 30, 0, 250, TimeSpan.FromHours(1));

    private static CloudEventEnvelope Outgoing() => CloudEventEnvelope.Outgoing(
        "42",
        NlGovSource.For(Events.Oin, "hub"),
        EventTypes.CounsellorAssigned,
        "trj-7f3a9c",
        Time,
        JsonSerializer.SerializeToElement(new { organisation = Events.Oin, contactName = "J. de Vries" }),
        sequence: 12,
        traceParent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    [Fact]
    public void The_json_is_a_structured_cloud_event_in_utc()
    {
        using var document = JsonDocument.Parse(Outgoing().ToJson());
        var root = document.RootElement;

        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("2026-03-01T08:30:00.25Z", root.GetProperty("time").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("0000000000000000012", root.GetProperty("sequence").GetString());
        Assert.Equal("J. de Vries", root.GetProperty("data").GetProperty("contactName").GetString());
        Assert.Equal("application/cloudevents+json", CloudEventEnvelope.MediaType);
    }

    [Fact]
    public void What_the_hub_writes_parses_back_to_the_same_event()
    {
        var written = Outgoing();

        var result = CloudEventEnvelope.Parse(Events.Element(written.ToJson()));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var read = result.Envelope;
        Assert.Equal(
            (written.Id, written.Source, written.SpecVersion, written.Type, written.Subject, written.Time, written.DataContentType, written.TraceParent),
            (read.Id, read.Source, read.SpecVersion, read.Type, read.Subject, read.Time, read.DataContentType, read.TraceParent));
        Assert.Equal(Events.Oin, read.SourceOin);
        Assert.Equal(written.Data!.Value.GetRawText(), read.Data!.Value.GetRawText());
        Assert.Equal(
            written.Extensions.ToDictionary(pair => pair.Key, pair => pair.Value.GetRawText()),
            read.Extensions.ToDictionary(pair => pair.Key, pair => pair.Value.GetRawText()));
        Assert.Equal(read.ToJson(), written.ToJson());
    }

    [Fact]
    public void Whole_seconds_are_written_without_a_fraction() =>
        Assert.Equal("2026-03-01T08:30:00Z", Rfc3339.Format(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1))));
}
