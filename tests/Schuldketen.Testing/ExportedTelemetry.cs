using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Schuldketen.Testing;

/// <summary>
/// What a hub's OpenTelemetry exporters hand over, caught by the in-memory exporters: spans, metric snapshots (taken
/// on <see cref="Collect"/>) and log records, each also as text for scans. Spans and measurements of other hubs in the
/// same test process come along too (listeners are process-wide): filter by trace id or by the test's own values.
/// </summary>
public sealed class ExportedTelemetry
{
    private readonly Caught<Activity> spans = new(Describe);
    private readonly Caught<MetricSnapshot> metrics = new(Describe);
    private readonly Caught<LogRecord> logs = new(Describe);

    public IReadOnlyList<Activity> Spans => spans.Kept;

    public IReadOnlyList<MetricSnapshot> Metrics => metrics.Kept;

    /// <summary>Every span, metric point and log record as text: names, attributes, events, tags, messages.</summary>
    public IEnumerable<string> Texts => spans.Texts.Concat(metrics.Texts).Concat(logs.Texts);

    /// <summary>Adds the in-memory exporters to the hub's OpenTelemetry; <see cref="HubStart.Telemetry"/> does it for a test hub.</summary>
    public void AddTo(IServiceCollection collection)
    {
        collection.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        collection.ConfigureOpenTelemetryMeterProvider(metering => metering.AddInMemoryExporter(metrics));
        collection.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(logs));
    }

    /// <summary>Has the hub's meter provider collect now: the latest value of every instrument lands in <see cref="Metrics"/>.</summary>
    public void Collect(HubServer hub) => Assert.True(hub.Service<MeterProvider>().ForceFlush(), "The meter provider did not collect.");

    /// <summary>Collects now and returns a gauge's value for one tag value, or null when this collection has none.</summary>
    public double? GaugeNow(HubServer hub, string name, string tag, string value)
    {
        var before = metrics.Count;
        Collect(hub);
        foreach (var snapshot in metrics.Since(before).Where(metric => metric.Name == name))
        {
            foreach (var point in snapshot.MetricPoints)
            {
                foreach (var pair in point.Tags)
                {
                    if (pair.Key == tag && Equals(pair.Value, value))
                    {
                        return snapshot.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
                    }
                }
            }
        }

        return null;
    }

    private static string Describe(Activity span)
    {
        var text = new StringBuilder($"span {span.DisplayName} {span.StatusDescription}");
        foreach (var (key, value) in span.TagObjects)
        {
            text.Append($" {key}={value}");
        }

        foreach (var spanEvent in span.Events)
        {
            text.Append($" event {spanEvent.Name}");
            foreach (var (key, value) in spanEvent.Tags)
            {
                text.Append($" {key}={value}");
            }
        }

        return text.ToString();
    }

    private static string Describe(MetricSnapshot metric)
    {
        var text = new StringBuilder($"metric {metric.Name}");
        foreach (var point in metric.MetricPoints)
        {
            foreach (var (key, value) in point.Tags)
            {
                text.Append($" {key}={value}");
            }
        }

        return text.ToString();
    }

    private static string Describe(LogRecord record)
    {
        var text = new StringBuilder($"log {record.CategoryName} {record.FormattedMessage} {record.Body} {record.Exception}");
        foreach (var (key, value) in record.Attributes ?? [])
        {
            text.Append($" {key}={value}");
        }

        return text.ToString();
    }

    /// <summary>The exporters' collection: kept under a lock, each item described the moment it arrives (log records are reused after).</summary>
    private sealed class Caught<T>(Func<T, string> describe) : Collection<T>
    {
        private readonly Lock gate = new();
        private readonly List<T> items = [];
        private readonly List<string> texts = [];

        public IReadOnlyList<T> Kept
        {
            get
            {
                lock (gate)
                {
                    return items.ToList();
                }
            }
        }

        public new int Count
        {
            get
            {
                lock (gate)
                {
                    return items.Count;
                }
            }
        }

        public IReadOnlyList<T> Since(int index)
        {
            lock (gate)
            {
                return items.Skip(index).ToList();
            }
        }

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (gate)
                {
                    return texts.ToList();
                }
            }
        }

        protected override void InsertItem(int index, T item)
        {
            var text = describe(item);
            lock (gate)
            {
                items.Add(item);
                texts.Add(text);
            }
        }
    }
}
