using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Testing.Shopify;

/// <summary>A sandbox on real Kestrel (127.0.0.1:0) and the real client wired through AddShopifyClient.</summary>
public sealed class ShopifyTestContext : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private ShopifyTestContext(SandboxHost host, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Host = host;
        this.services = services;
        Logs = logs;
    }

    public SandboxHost Host { get; }

    public SandboxStore Store => Host.Store;

    public CapturingLoggerProvider Logs { get; }

    public IShopifyClientFactory Factory => services.GetRequiredService<IShopifyClientFactory>();

    public InMemoryShopifyCallRecorder Recorder => services.GetRequiredService<InMemoryShopifyCallRecorder>();

    public ShopifyRateLimitRegistry Registry => services.GetRequiredService<ShopifyRateLimitRegistry>();

    public static async Task<ShopifyTestContext> StartAsync(SandboxOptions? options = null, Action<ShopifyClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        // Tests other than the pacing ones should not wait for the restore rate of a real plan.
        var host = await SandboxHost.StartAsync(options ?? new SandboxOptions { RestoreRate = 5000 }, CancellationToken.None, loggerProvider: logs);
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddShopifyClient(o =>
        {
            o.BaseRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(o);
        });
        return new ShopifyTestContext(host, collection.BuildServiceProvider(), logs);
    }

    public IShopifyAdminClient Client(string? token = null, bool allowOutgoing = true, string shopCode = "DEMO") =>
        Factory.Create(new ShopifyShopConnection(shopCode, Host.BaseUrl, token ?? Store.Options.AccessToken, allowOutgoing));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Host.DisposeAsync();
    }
}
