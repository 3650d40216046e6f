using System.Net;
using System.Net.Sockets;

namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// Where the hub may send webhooks: https only (unless plain http is allowed, as in the embedded
/// default), and never to loopback, link-local, private or otherwise internal addresses unless
/// configuration allows them, checked both when a subscription is made and when each delivery connects
/// (a hostname may resolve elsewhere later).
/// </summary>
public sealed class CallbackPolicy(bool allowHttp, bool allowLoopback, bool allowPrivateNetworks)
{
    /// <summary>Null when the URL is acceptable, else what is wrong with it, in words for the partner.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(allowHttp && url.Scheme == Uri.UriSchemeHttp)))
        {
            return allowHttp ? "The callback URL must be an absolute http or https URL." : "The callback URL must use https.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            return "The callback URL may not contain credentials or a fragment.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "The callback host does not resolve.";
        }

        return addresses.Length == 0 ? "The callback host does not resolve."
            : addresses.FirstOrDefault(address => !Allows(address)) is { } refused
                ? $"The callback host resolves to an address the hub may not call ({Describe(refused)})."
                : null;
    }

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => AllowsV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => AllowsV6(address),
            _ => false,
        };
    }

    private bool AllowsV4(byte[] b) => b switch
    {
        [0, ..] or [169, 254, ..] or [>= 224, ..] => false,
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] or [100, >= 64 and <= 127, ..] => allowPrivateNetworks,
        _ => true,
    };

    private bool AllowsV6(IPAddress address) =>
        !(address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None) || address.IsIPv6SiteLocal)
        && (allowPrivateNetworks || (address.GetAddressBytes()[0] & 0xFE) != 0xFC);

    private static string Describe(IPAddress address) =>
        IPAddress.IsLoopback(address) ? "loopback"
        : address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, ..] ? "link-local"
        : "internal network";
}
