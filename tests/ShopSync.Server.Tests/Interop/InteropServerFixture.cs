using ShopSync.Testing;

namespace ShopSync.Server.Tests.Interop;

/// <summary>
/// The real server binary with the diagnostics tasks (90000 No-op, 90001 Diagnostics) and gzip responses on, shared
/// by the interop tests. It fails a test class's setup if it cannot start.
/// </summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("shopsync-interop");

    public ServerProcess Server { get; private set; } = null!;

    public Uri WebAddress => Server.WebAddress ?? throw new InvalidOperationException("The interop server has no web endpoint.");

    public async Task InitializeAsync() =>
        Server = await ServerProcess.StartAsync(
            _directory.File("interop.db"), ["--Queue:EnableDiagnosticsTasks=true", "--Grpc:ResponseCompression=gzip", "--Logging:LogLevel:Default=Warning"]);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropServerFixture>
{
    public const string Name = "Interop server";
}
