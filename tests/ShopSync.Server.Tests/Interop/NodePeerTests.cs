using System.Globalization;

namespace ShopSync.Server.Tests.Interop;

/// <summary>node @grpc/grpc-js as a client of the real ShopSync server (tests/interop/node_client.js).</summary>
[Collection(InteropCollection.Name)]
public sealed class NodePeerTests(InteropServerFixture fixture, NodePeerTests.Run run)
    : PeerTests<NodePeerTests.Run>(fixture, run), IClassFixture<NodePeerTests.Run>
{
    /// <summary>Runs the node client once for every case of the class.</summary>
    public sealed class Run : PeerRun
    {
        internal override async Task<InteropResults> RunAsync(InteropServerFixture fixture)
        {
            var nodeModules = Path.Combine(InteropPaths.Interop, "node_modules", "@grpc", "grpc-js");
            if (!Directory.Exists(nodeModules))
            {
                return InteropResults.Failed($"{nodeModules} is missing. {InteropPaths.InstallHint}");
            }
            var result = await ProcessRunner.RunAsync(
                "node",
                [Path.Combine(InteropPaths.Interop, "node_client.js"), fixture.Server.Address.Port.ToString(CultureInfo.InvariantCulture)],
                TimeSpan.FromMinutes(5),
                workingDirectory: InteropPaths.Interop);
            return InteropResults.Parse(result.StandardOutput, result.ExitCode == 0 ? null : "node_client.js failed: " + ProcessRunner.Describe(result));
        }
    }
}
