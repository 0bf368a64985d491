using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>Secure by default: no anonymous admin on a network address.</summary>
[Collection(RealServerCollection.Name)]
public sealed class InsecureStartTests : IDisposable
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("shopsync-insecure");

    [Fact]
    public async Task Start_AllInterfacesWithoutAuth_RefusesInOneLineSayingHowToFixIt()
    {
        var run = await ServerRun.UntilExitAsync(_directory.File("shopsync.db"), ExitBound, "--urls", $"http://0.0.0.0:{FreePort.Next()}", "--web-urls", "none");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("0.0.0.0", line, StringComparison.Ordinal);
        Assert.Contains("without authentication", line, StringComparison.Ordinal);
        Assert.Contains("--auth required", line, StringComparison.Ordinal);
        Assert.Contains("shopsync-server keys create --role admin", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("shopsync.db")), "the refused server created its database");
    }

    [Fact]
    public async Task Start_WebEndpointOnAllInterfacesWithoutAuth_Refuses()
    {
        var run = await ServerRun.UntilExitAsync(_directory.File("web.db"), ExitBound, "--web-urls", $"http://0.0.0.0:{FreePort.Next()}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not loopback", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
