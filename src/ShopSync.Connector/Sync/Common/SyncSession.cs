using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>Everything one run of a sync task works with: the shop, its client, the validated filters, the database.</summary>
internal sealed class SyncSession(
    ReportContext context,
    Shop shop,
    IShopifyAdminClient? client,
    RequestPageFilters filters,
    IDbContextFactory<ConnectorDbContext> contexts)
{
    public ReportContext Context { get; } = context;
    public Shop Shop { get; } = shop;
    public string ShopCode => Shop.Code;
    public RequestPageFilters Filters { get; } = filters;
    public IJobProgress Progress => Context.Progress;
    public TimeProvider Time => Context.TimeProvider;

    /// <summary>The shop's Shopify client (only for tasks that talk to Shopify).</summary>
    public IShopifyAdminClient Client => client ?? throw new InvalidOperationException("this task does not talk to Shopify");

    public Task<ConnectorDbContext> OpenDbAsync(CancellationToken cancellationToken) => contexts.CreateDbContextAsync(cancellationToken);

    /// <summary>Adds to the counters and reports them with a status line.</summary>
    public void Report(string message, int percent = -1) => Progress.Report(percent, message);
}
