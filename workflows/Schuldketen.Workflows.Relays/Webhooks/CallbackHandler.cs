using System.Net;
using System.Net.Sockets;

namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// The HTTP handler for webhooks: it resolves the callback host itself and connects only to an
/// address the <see cref="CallbackPolicy"/> allows, so a hostname that later points inward is refused
/// at the moment of sending. Redirects are not followed.
/// </summary>
public static class CallbackHandler
{
    public static SocketsHttpHandler Create(CallbackPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.FirstOrDefault(policy.Allows)
                          ?? throw new HttpRequestException($"The callback host resolves only to addresses the hub may not call.");
            var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
