using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>Starts the real binary with the diagnostics tasks and short leases, and a channel helper for it.</summary>
internal static class RealServer
{
    /// <summary>Lease recovery in ~3 s instead of ~25 s, so crash tests stay short.</summary>
    public static readonly string[] FastLeases =
    [
        "--Queue:EnableDiagnosticsTasks=true",
        "--Queue:LeaseDuration=00:00:03",
        "--Queue:LeaseCheckInterval=00:00:01",
    ];

    public static Task<ServerProcess> StartAsync(string databaseFile, params string[] extraArgs) =>
        ServerProcess.StartAsync(databaseFile, [.. FastLeases, .. extraArgs]);

    public static ServerApi Api(ServerProcess server) => new(server.CreateChannel());
}
