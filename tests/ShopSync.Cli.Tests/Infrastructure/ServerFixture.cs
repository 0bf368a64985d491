using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Infrastructure;

/// <summary>One real shopsync-server (demo shop, diagnostics tasks) shared by the CLI tests of the collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("shopsync-cli");
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public Uri Address => Server.Address;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_directory.File("cli.db"), ["--demo", "--Queue:EnableDiagnosticsTasks=true"]);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _directory.Dispose();
    }
}
