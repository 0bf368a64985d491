using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>Finds or adds the <c>sync_companies</c> row of a Shopify company and copies what Shopify says about it (import and export share it).</summary>
internal static class SyncCompanyRows
{
    public static async Task<SyncCompanyEntity> UpsertAsync(ConnectorDbContext db, string shopCode, ShopifyCompany company, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.SyncCompanies.FirstOrDefaultAsync(c => c.ShopCode == shopCode && c.ShopifyCompanyId == company.Id, cancellationToken);
        if (row is null)
        {
            row = new SyncCompanyEntity { ShopCode = shopCode, ShopifyCompanyId = company.Id };
            db.SyncCompanies.Add(row);
        }
        var contact = company.MainContact?.Customer;
        row.Name = company.Name;
        row.ExternalId = company.ExternalId;
        row.MainContactEmail = contact?.Email;
        row.MainContactCustomerId = contact?.Id;
        row.LocationCount = company.Locations.Nodes.Count;
        row.ShopifyUpdatedAt = company.UpdatedAt;
        row.UpdatedAt = now;
        return row;
    }
}
