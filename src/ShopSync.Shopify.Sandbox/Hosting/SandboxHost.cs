using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopSync.Shopify.Sandbox;

/// <summary>A sandbox store on its own Kestrel listener on 127.0.0.1 (tests, benchmarks, the CLI demo).</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxHost(WebApplication app, SandboxStore store, Uri baseUrl)
    {
        this.app = app;
        Store = store;
        BaseUrl = baseUrl;
    }

    /// <summary>The store behind the listener.</summary>
    public SandboxStore Store { get; }

    /// <summary>The shop base URL to give the client, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts a seeded store on 127.0.0.1:<paramref name="port"/> (0 = a free port).</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken, int port = 0, ILoggerProvider? loggerProvider = null)
    {
        var store = new SandboxStore(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerProvider is not null)
        {
            builder.Logging.AddProvider(loggerProvider);
        }

        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapShopifySandbox(string.Empty, store);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        SandboxLog.Listening(app.Logger, baseUrl.ToString());
        return new SandboxHost(app, store, baseUrl);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
