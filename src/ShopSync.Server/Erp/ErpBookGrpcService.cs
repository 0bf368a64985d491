using System.Globalization;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Erp;

namespace ShopSync.Server.Erp;

/// <summary>shopsync.v1.ErpBookService: the ERP side the sync tasks read and write.</summary>
internal sealed class ErpBookGrpcService(ErpBook book) : ErpBookService.ErpBookServiceBase
{
    public override async Task<UpsertItemsResponse> UpsertItems(UpsertItemsRequest request, ServerCallContext context)
    {
        var result = await book.UpsertItemsAsync(request.Items.Select(ErpMessages.ToInput).ToList(), context.CancellationToken);
        return new UpsertItemsResponse { Created = result.Created, Updated = result.Updated };
    }

    public override async Task<UpsertPricesResponse> UpsertPrices(UpsertPricesRequest request, ServerCallContext context)
    {
        var prices = request.Prices.Select((p, i) => new ErpPriceInput(
            p.ItemNo, p.VariantCode, p.PriceGroup, ErpMessages.Decimal($"prices[{i}].unit_price", p.UnitPrice), p.CurrencyCode)).ToList();
        return new UpsertPricesResponse { Count = await book.UpsertPricesAsync(prices, context.CancellationToken) };
    }

    public override async Task<UpsertStockResponse> UpsertStock(UpsertStockRequest request, ServerCallContext context)
    {
        var levels = request.Levels.Select((l, i) => new ErpStockInput(
            l.ItemNo, l.VariantCode, l.LocationCode, ErpMessages.Decimal($"levels[{i}].quantity", l.Quantity))).ToList();
        return new UpsertStockResponse { Count = await book.UpsertStockAsync(levels, context.CancellationToken) };
    }

    public override async Task<UpsertCustomersResponse> UpsertCustomers(UpsertCustomersRequest request, ServerCallContext context)
    {
        var result = await book.UpsertCustomersAsync(request.Customers.Select(ErpMessages.ToInput).ToList(), context.CancellationToken);
        return new UpsertCustomersResponse { Created = result.Created, Updated = result.Updated };
    }

    public override async Task<PostShipmentResponse> PostShipment(PostShipmentRequest request, ServerCallContext context)
    {
        DateOnly? date = null;
        if (request.PostingDate.Length > 0)
        {
            date = DateOnly.TryParseExact(request.PostingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw RpcErrors.InvalidArgument("posting_date", $"'{ShopSync.Queue.Entries.RequestLimits.Quote(request.PostingDate)}' is not a date (use yyyy-MM-dd)");
        }
        var lines = request.Lines.Count == 0 ? null : request.Lines
            .Select((l, i) => new ErpShipmentLineInput(l.LineNo, ErpMessages.Decimal($"lines[{i}].quantity", l.Quantity))).ToList();
        var shipment = await book.PostShipmentAsync(
            new ErpShipmentInput(request.SalesOrderNo, Empty(request.TrackingNumber), Empty(request.TrackingCompany), Empty(request.TrackingUrl), lines, date),
            context.CancellationToken);
        return new PostShipmentResponse { Shipment = ErpMessages.ToMessage(shipment) };
    }

    public override async Task<ListErpDocumentsResponse> ListErpDocuments(ListErpDocumentsRequest request, ServerCallContext context)
    {
        if (!Enum.IsDefined(request.DocumentType))
        {
            throw RpcErrors.InvalidArgument("document_type", $"unknown document type {(int)request.DocumentType}");
        }
        var size = Math.Min(Paging.PageSize(request.PageSize), 500);
        var position = Paging.Decode(request.PageToken);
        var offset = 0;
        if (position.Length > 0 && (!int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw RpcErrors.InvalidArgument("page_token", "is not a page token of ListErpDocuments; pass the next_page_token of a previous reply, or empty for the first page");
        }
        ErpDocumentKind? kind = request.DocumentType == ErpDocumentType.Unspecified ? null : (ErpDocumentKind)(int)request.DocumentType;
        var page = await book.ListDocumentsAsync(
            new ErpDocumentQuery(request.ShopCode, kind, request.ShopifyOrderNo, offset, size, request.IncludeLines), context.CancellationToken);
        var response = new ListErpDocumentsResponse();
        response.Documents.AddRange(page.Documents.Select(ErpMessages.ToMessage));
        if (page.NextOffset is { } next)
        {
            response.NextPageToken = Paging.Encode(next.ToString(CultureInfo.InvariantCulture));
        }
        return response;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
