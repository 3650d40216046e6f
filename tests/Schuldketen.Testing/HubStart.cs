namespace Schuldketen.Testing;

/// <summary>How <see cref="HubServer"/> starts a hub: on which provider, with which settings, on which clock.</summary>
public sealed record HubStart(string Provider)
{
    /// <summary>Configuration keys (<c>Schuldketen:DemoData</c>, <c>Logging:LogLevel:Default</c>, ...) over the test defaults; these win.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The PostgreSQL server the hub makes a fresh database on; <c>SCHULDKETEN_TEST_POSTGRES</c> when not given.</summary>
    public string? PostgresServer { get; init; }

    /// <summary>Catches what the hub's telemetry exports: its OpenTelemetry runs with these in-memory exporters.</summary>
    public ExportedTelemetry? Telemetry { get; init; }

    /// <summary>Adds to the hub's services before it is built, e.g. an implementation of an extension point.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    /// <summary>Runs the hub on the real clock instead of a fake one: for load drivers, whose figures are times.</summary>
    public bool SystemClock { get; init; }
}
