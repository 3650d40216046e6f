using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Http;

/// <summary>Where webhooks may go, how often the relay looks for work when nothing wakes it, and how long its shard leases last (section <c>Schuldketen:Webhooks</c>).</summary>
public sealed class WebhookOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Webhooks";

    /// <summary>Plain http callbacks; by default only in the embedded default (no PostgreSQL configured).</summary>
    public bool? AllowHttp { get; set; }

    /// <summary>Callbacks to loopback addresses (127.0.0.0/8, ::1): for local development and tests only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Callbacks to private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), e.g. partners on an internal network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a relay's hold on its shards lasts unrenewed: within this time the other hosts take over the shards of a host that died.</summary>
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Problems()
    {
        if (RelayInterval <= TimeSpan.Zero)
        {
            yield return $"Schuldketen__Webhooks__RelayInterval is {RelayInterval}: set it to a positive time span such as 00:00:00.250 (the default).";
        }

        if (RelayLease < TimeSpan.FromSeconds(1))
        {
            yield return $"Schuldketen__Webhooks__RelayLease is {RelayLease}: set it to a second or more, such as 00:00:15 (the default).";
        }
    }
}
