using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>Runs tests/interop/python_client.py (grpcio, C-core) once against our server; tests read its results.</summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;

    internal InteropResults Results { get; private set; } = InteropResults.Failed("not run");

    public async Task InitializeAsync()
    {
        if (await PythonStubs.MissingDependencyAsync() is { } missing)
        {
            Results = InteropResults.Failed(missing);
            return;
        }
        var stubs = await PythonStubs.DirectoryAsync();
        _server = await GrpcTestServer.StartAsync();
        var run = await ProcessRunner.RunAsync(
            RepoPaths.Python,
            [Path.Combine(RepoPaths.Interop, "python_client.py"), _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), stubs],
            TimeSpan.FromMinutes(5));
        Results = InteropResults.Parse(run.StandardOutput, run.ExitCode == 0 ? null : "python_client.py failed: " + ProcessRunner.Describe(run));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
