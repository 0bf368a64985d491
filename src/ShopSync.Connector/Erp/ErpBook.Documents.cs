using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;

namespace ShopSync.Connector.Erp;

/// <summary>Shipment posting and the list of documents created from Shopify.</summary>
public sealed partial class ErpBook
{
    private static readonly RequestPageDefinition DocumentFilter = RequestPageDefinition.For(0, "ERP documents").Code("Shopify Order No.").Build();

    /// <summary>Posts a shipment of an open sales order; a Shopify order's shipment waits (Pending) for Sync Shipments.</summary>
    public async Task<ErpDocumentView> PostShipmentAsync(ErpShipmentInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.SalesOrderNo))
        {
            throw new ErpValidationException("sales_order_no", "sales_order_no is required");
        }
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.ErpSalesDocuments.Include(d => d.Lines)
            .SingleOrDefaultAsync(d => d.No == input.SalesOrderNo && d.DocumentType == ErpSalesDocumentType.Order, cancellationToken)
            ?? throw new ErpNotFoundException("sales_order", ShopSync.Queue.Entries.RequestLimits.Quote(input.SalesOrderNo), $"sales_order_no: sales order \"{ShopSync.Queue.Entries.RequestLimits.Quote(input.SalesOrderNo)}\" does not exist");
        if (order.Status != ErpSalesDocumentStatus.Open)
        {
            throw new ErpValidationException("sales_order_no", $"sales order \"{order.No}\" is posted already");
        }
        var date = input.PostingDate ?? DateOnly.FromDateTime(now.UtcDateTime);
        var shipment = await ErpPosting.ShipAsync(db, order, input.Lines, input.TrackingNumber, input.TrackingCompany, input.TrackingUrl, date, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ErpDocumentMapper.ToView(shipment, includeLines: true);
    }

    /// <summary>Documents of a shop created from Shopify orders, newest first.</summary>
    public async Task<ErpDocumentPage> ListDocumentsAsync(ErpDocumentQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.ShopCode))
        {
            throw new ErpValidationException("shop_code", "shop_code is required");
        }
        FieldFilter? orderNo = null;
        if (!string.IsNullOrWhiteSpace(query.ShopifyOrderNo))
        {
            try
            {
                orderNo = DocumentFilter.Validate([("Shopify Order No.", query.ShopifyOrderNo)]).GetFilter("Shopify Order No.");
            }
            catch (FilterValidationException e)
            {
                throw new ErpValidationException("shopify_order_no", e.Message);
            }
        }
        var shop = query.ShopCode.Trim();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var all = new List<ErpDocumentView>();
        if (query.Kind is null or ErpDocumentKind.SalesOrder or ErpDocumentKind.SalesInvoice)
        {
            var documents = db.ErpSalesDocuments.AsNoTracking().Where(d => d.ShopCode == shop && d.ShopifyOrderId != null);
            if (query.Kind is { } kind)
            {
                var type = kind == ErpDocumentKind.SalesOrder ? ErpSalesDocumentType.Order : ErpSalesDocumentType.Invoice;
                documents = documents.Where(d => d.DocumentType == type);
            }
            documents = query.IncludeLines ? documents.Include(d => d.Lines) : documents;
            all.AddRange((await documents.ToListAsync(cancellationToken)).Select(d => ErpDocumentMapper.ToView(d, query.IncludeLines)));
        }
        if (query.Kind is null or ErpDocumentKind.PostedShipment)
        {
            var shipments = db.ErpPostedShipments.AsNoTracking().Where(s => s.ShopCode == shop);
            shipments = query.IncludeLines ? shipments.Include(s => s.Lines) : shipments;
            all.AddRange((await shipments.ToListAsync(cancellationToken)).Select(s => ErpDocumentMapper.ToView(s, query.IncludeLines)));
        }
        if (query.Kind is null or ErpDocumentKind.PostedInvoice)
        {
            all.AddRange((await db.ErpPostedInvoices.AsNoTracking().Where(i => i.ShopCode == shop).ToListAsync(cancellationToken)).Select(ErpDocumentMapper.ToView));
        }
        var matching = all.Where(d => orderNo is null || orderNo.Matches(d.ShopifyOrderNo))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.No, StringComparer.Ordinal)
            .Skip(query.Offset).Take(query.PageSize + 1).ToList();
        var more = matching.Count > query.PageSize;
        return new ErpDocumentPage(matching.Take(query.PageSize).ToList(), more ? query.Offset + query.PageSize : null);
    }
}
