using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>Runs tests/interop/node_client.js (@grpc/grpc-js) once against our server; tests read its results.</summary>
public sealed class NodeClientFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;

    internal InteropResults Results { get; private set; } = InteropResults.Failed("not run");

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, "@grpc", "grpc-js")))
        {
            Results = InteropResults.Failed($"tests/interop/node_modules/@grpc/grpc-js is missing. {RepoPaths.InstallHint}");
            return;
        }
        _server = await GrpcTestServer.StartAsync();
        var run = await ProcessRunner.RunAsync(
            "node",
            [Path.Combine(RepoPaths.Interop, "node_client.js"), _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(5),
            workingDirectory: RepoPaths.Interop);
        Results = InteropResults.Parse(run.StandardOutput, run.ExitCode == 0 ? null : "node_client.js failed: " + ProcessRunner.Describe(run));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
