using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Erp;

/// <summary>The ERP book as ERP front-ends see it: upserts of master data, shipment posting, and the documents from Shopify.</summary>
public sealed partial class ErpBook
{
    private readonly IDbContextFactory<ConnectorDbContext> _contexts;
    private readonly TimeProvider _time;

    internal ErpBook(IDbContextFactory<ConnectorDbContext> contexts, TimeProvider time)
    {
        _contexts = contexts;
        _time = time;
    }
}
