using Microsoft.Extensions.Options;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Shops;

namespace ShopSync.Server.Demo;

/// <summary>
/// With <c>--demo</c>: a sandbox Shopify store on its own loopback port, seeded with deterministic data,
/// and a shop <c>demo</c> pointing at it. The shop runs syncs in the foreground (Allow Background Syncs
/// off), so a manual sync streams its progress to the caller. Its URL is refreshed at every start.
/// </summary>
internal sealed partial class DemoStore(IOptions<DemoOptions> options, IShopRegistry shops, ILogger<DemoStore> logger) : IAsyncDisposable
{
    private SandboxHost? _sandbox;

    public SandboxStore? Store => _sandbox?.Store;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var sandboxOptions = new SandboxOptions { RestoreRate = o.SandboxRestoreRate, BucketSize = o.SandboxBucketSize };
        _sandbox = await SandboxHost.StartAsync(sandboxOptions, cancellationToken, o.SandboxPort);
        var settings = new ShopChanges
        {
            ShopifyUrl = _sandbox.BaseUrl.ToString(),
            AccessToken = sandboxOptions.AccessToken,
            WebhookSecret = o.WebhookSecret,
        };
        if (await shops.FindAsync(o.ShopCode, cancellationToken) is null)
        {
            await shops.CreateAsync(o.ShopCode, settings with { AllowBackgroundSyncs = false, AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true }, cancellationToken);
        }
        else
        {
            await shops.UpdateAsync(o.ShopCode, settings, cancellationToken);
        }
        LogReady(logger, o.ShopCode, _sandbox.BaseUrl.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 7100, EventName = "DemoReady", Level = LogLevel.Information, Message = "Demo: shop \"{Shop}\" is backed by the sandbox Shopify store at {Url}")]
    private static partial void LogReady(ILogger logger, string shop, string url);
}
