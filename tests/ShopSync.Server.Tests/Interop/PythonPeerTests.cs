using System.Globalization;

namespace ShopSync.Server.Tests.Interop;

/// <summary>python grpcio (C-core) as a client of the real ShopSync server (tests/interop/python_client.py).</summary>
[Collection(InteropCollection.Name)]
public sealed class PythonPeerTests(InteropServerFixture fixture, PythonPeerTests.Run run)
    : PeerTests<PythonPeerTests.Run>(fixture, run), IClassFixture<PythonPeerTests.Run>
{
    /// <summary>Runs the python client once for every case of the class.</summary>
    public sealed class Run : PeerRun
    {
        internal override async Task<InteropResults> RunAsync(InteropServerFixture fixture)
        {
            if (await PythonStubs.MissingDependencyAsync() is { } missing)
            {
                return InteropResults.Failed(missing);
            }
            var stubs = await PythonStubs.DirectoryAsync();
            var result = await ProcessRunner.RunAsync(
                InteropPaths.Python,
                [Path.Combine(InteropPaths.Interop, "python_client.py"), fixture.Server.Address.Port.ToString(CultureInfo.InvariantCulture), stubs],
                TimeSpan.FromMinutes(5));
            return InteropResults.Parse(result.StandardOutput, result.ExitCode == 0 ? null : "python_client.py failed: " + ProcessRunner.Describe(result));
        }
    }
}
