using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>Opens a run: resolves the entry's shop and token, builds the client, validates the entry's filters.</summary>
internal sealed class SyncSessionFactory(
    IShopRegistry shops,
    IShopSecrets secrets,
    IShopifyClientFactory clients,
    IDbContextFactory<ConnectorDbContext> contexts)
{
    public async Task<SyncSession> OpenAsync(ReportContext context, RequestPageDefinition page, bool needsClient, CancellationToken cancellationToken)
    {
        var task = page.DisplayName;
        if (string.IsNullOrWhiteSpace(context.Job.ShopCode))
        {
            throw new SyncSetupException($"shop_code is required for task {task}: queue it for a shop");
        }
        var shop = await shops.FindAsync(context.Job.ShopCode, cancellationToken)
            ?? throw new SyncSetupException($"shop \"{context.Job.ShopCode}\" of task {task} does not exist");
        RequestPageFilters filters;
        try
        {
            filters = page.Validate(
                context.Filters.Select(f => (f.Field, f.Expression)),
                context.Options.Select(o => (o.Name, o.Value)));
        }
        catch (FilterValidationException e)
        {
            throw new SyncSetupException($"task {task}: {e.Message}");
        }
        IShopifyAdminClient? client = null;
        if (needsClient)
        {
            var token = await secrets.GetAccessTokenAsync(shop.Code, cancellationToken);
            if (string.IsNullOrEmpty(token))
            {
                throw new SyncSetupException($"shop \"{shop.Code}\" has no access token (shop.access_token): task {task} cannot call Shopify");
            }
            client = clients.Create(new ShopifyShopConnection(shop.Code, shop.ShopifyUrl, token, shop.AllowOutgoingRequests, shop.ApiVersion));
        }
        return new SyncSession(context, shop, client, filters, contexts);
    }
}
