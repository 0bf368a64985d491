using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Schedules;

/// <summary>One real server (diagnostics tasks on) shared by the API tests of a class.</summary>
public sealed class ScheduleServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("shopsync-sched-api");
    private ServerProcess? _server;
    private TestChannel? _channel;

    internal ScheduleCalls Calls { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_folder.File("shopsync.db"), ["--Queue:EnableDiagnosticsTasks=true"]);
        _channel = _server.CreateChannel();
        Calls = new ScheduleCalls(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _folder.Dispose();
    }
}
