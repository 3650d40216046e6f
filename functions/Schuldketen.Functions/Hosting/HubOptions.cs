namespace Schuldketen.Functions.Hosting;

/// <summary>The hub's configuration, section <c>Schuldketen</c> (environment: <c>Schuldketen__Postgres</c> and so on).</summary>
public sealed class HubOptions
{
    public const string Section = "Schuldketen";

    /// <summary>PostgreSQL connection string; without it the hub runs on the embedded SQLite file.</summary>
    public string? Postgres { get; set; }

    /// <summary>Where the embedded SQLite file and generated keys live; default <c>SCHULDKETEN_DATA_DIR</c>, else the user's local data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The hub's own OIN, the source of the events it raises.</summary>
    public string HubOin { get; set; } = "00000001000000000000";

    /// <summary>Seed demo organisations and trajectories into an empty database and print demo tokens.</summary>
    public bool DemoData { get; set; } = true;

    /// <summary>Which definition a municipality runs, by its OIN; others run <see cref="DefaultDefinition"/>.</summary>
    public Dictionary<string, string> MunicipalityDefinitions { get; set; } = [];

    public string DefaultDefinition { get; set; } = "wgs-standaard";

    /// <summary>How often the timer function looks for passed deadlines.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);

    public AuthOptions Auth { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public Bus.BusOptions Bus { get; set; } = new();

    public PortalOptions Portal { get; set; } = new();

    public ReferralOptions Referrals { get; set; } = new();
}

/// <summary>Where webhooks may go, and how often the relay looks for work when nothing wakes it.</summary>
public sealed class WebhookOptions
{
    /// <summary>Plain http callbacks; by default only in the embedded default (no PostgreSQL configured).</summary>
    public bool? AllowHttp { get; set; }

    /// <summary>Callbacks to loopback addresses (127.0.0.0/8, ::1): for local development and tests only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Callbacks to private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), e.g. partners on an internal network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Who issues the tokens the hub accepts. With <see cref="Authority"/> set, the signing keys come
/// from its OpenID Connect metadata; without it the hub signs its own tokens (embedded default).
/// </summary>
public sealed class AuthOptions
{
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "schuldketen-embedded";

    public string Audience { get; set; } = "schuldketen";
}

public sealed class LimitOptions
{
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per organisation per window.</summary>
    public int RequestsPerWindow { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
