using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ShopSync.Cli.Tests.Client;

/// <summary>In-process Kestrel on 127.0.0.1:0 hosting the fake JobQueueService plus health.</summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeServer(WebApplication app, Uri address, FakeJobQueueService jobs)
    {
        _app = app;
        Address = address;
        Jobs = jobs;
    }

    public Uri Address { get; }

    public FakeJobQueueService Jobs { get; }

    public static async Task<FakeServer> StartAsync()
    {
        var jobs = new FakeJobQueueService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(new IPEndPoint(IPAddress.Loopback, 0), l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks().AddCheck("fake", () => HealthCheckResult.Healthy());
        builder.Services.AddSingleton(jobs);
        var app = builder.Build();
        app.MapGrpcService<FakeJobQueueService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), jobs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
