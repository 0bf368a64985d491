using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Client;
using ShopSync.Grpc.Server;
using ShopSync.Grpc.Tests.Interop;

namespace ShopSync.Grpc.Tests.Infrastructure;

/// <summary>
/// Real Kestrel on 127.0.0.1:0 (HTTP/2 only) hosting the interop test service, health and reflection.
/// Disposing fails the test if the server logged an error the test did not declare as expected.
/// </summary>
internal sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HashSet<int> _expectedErrorEvents = [];

    private GrpcTestServer(WebApplication app, TestLogSink logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Address = address;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GrpcTestServer> StartAsync(
        Action<GrpcServerOptions>? configure = null, Action<WebApplication>? map = null, X509Certificate2? certificate = null, Action<IServiceCollection>? services = null)
    {
        var logs = new TestLogSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        builder.Services.AddShopSyncGrpc(o =>
        {
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<InteropSignals>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<InteropTestService>();
        app.MapGrpcHealthAndReflection();
        map?.Invoke(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTestServer(app, logs, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <summary>Declares that an error log with this event id is part of the test.</summary>
    public void ExpectErrorLog(int eventId) => _expectedErrorEvents.Add(eventId);

    /// <summary>Stops the host (graceful shutdown, as on SIGTERM).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        var unexpected = Logs.Records
            .Where(r => r.Level >= LogLevel.Error && !_expectedErrorEvents.Contains(r.EventId.Id))
            .Select(r => $"[{r.Category} {r.EventId.Id}] {r.Message} {r.Exception}")
            .ToList();
        Assert.True(unexpected.Count == 0, "Unexpected error logs:\n" + string.Join("\n", unexpected));
    }
}
