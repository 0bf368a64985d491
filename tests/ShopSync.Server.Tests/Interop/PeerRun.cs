namespace ShopSync.Server.Tests.Interop;

/// <summary>Runs one interop peer (a client in another language) once for every case of its test class, and keeps its results.</summary>
public abstract class PeerRun
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private InteropResults? _results;

    internal async Task<InteropResults> ResultsAsync(InteropServerFixture fixture)
    {
        await _gate.WaitAsync();
        try
        {
            return _results ??= await RunAsync(fixture);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs the peer against the fixture's server; a missing dependency is a failed result naming the fix.</summary>
    internal abstract Task<InteropResults> RunAsync(InteropServerFixture fixture);
}
