using Grpc.Core;
using ShopSync.Server.Access;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Access;

/// <summary>One <c>--auth required</c> server with an API key per role, shared by the matrix rows.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _keys = [];
    private InProcessServer? _server;
    private IDisposable? _channel;

    internal InProcessServer Server => _server!;

    public CallInvoker Invoker { get; private set; } = null!;

    public string KeyOf(string role) => _keys[role];

    public async Task InitializeAsync()
    {
        // The rows without a credential fail on purpose; the limiter is tested on its own.
        _server = await AccessServer.StartAsync(settings: new Dictionary<string, string?> { ["Access:FailuresPerWindow"] = "100000" });
        foreach (var role in Roles.All)
        {
            _keys[role] = await _server.CreateKeyAsync("matrix-" + role, role);
        }
        Invoker = RawCalls.Invoker(_server.Address, out var channel);
        _channel = channel;
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
