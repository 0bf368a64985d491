using System.Net;
using System.Net.Sockets;

namespace ShopSync.Testing;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago (for processes that need a port up front).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
