using Grpc.Core;
using ShopSync.Contracts.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Sync;

public sealed class ErpBookServiceTests
{
    private static readonly ServiceDescriptor Service = ErpBookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ErpBookService");

    [Fact]
    public async Task UpsertItems_ThenPricesAndStock_AreStoredAndCountedAsUpdatesTheSecondTime()
    {
        await using var server = await SyncTestServer.StartAsync();
        var items = new UpsertItemsRequest();
        var item = new ErpItem { No = "BIKE", Description = "Bike", UnitPrice = "499.00", Sku = "BIKE-1" };
        item.Variants.Add(new ErpItemVariant { Code = "RED", Description = "Red", Sku = "BIKE-RED" });
        items.Items.Add(item);

        var first = await Call<UpsertItemsRequest, UpsertItemsResponse>(server, "UpsertItems", items);
        var second = await Call<UpsertItemsRequest, UpsertItemsResponse>(server, "UpsertItems", items);
        var prices = new UpsertPricesRequest();
        prices.Prices.Add(new ErpPrice { ItemNo = "BIKE", VariantCode = "RED", UnitPrice = "450.50" });
        await Call<UpsertPricesRequest, UpsertPricesResponse>(server, "UpsertPrices", prices);
        var stock = new UpsertStockRequest();
        stock.Levels.Add(new ErpStockLevel { ItemNo = "BIKE", VariantCode = "RED", LocationCode = "MAIN-WAREHOUSE", Quantity = "7" });
        await Call<UpsertStockRequest, UpsertStockResponse>(server, "UpsertStock", stock);

        Assert.Equal((1, 0), (first.Created, first.Updated));
        Assert.Equal((0, 1), (second.Created, second.Updated));
        await using var db = server.OpenDb();
        Assert.Equal(450.50m, (await db.ErpItemVariants.FindAsync("BIKE", "RED"))!.UnitPrice);
        Assert.Equal(7m, (await db.ErpStock.FindAsync("BIKE", "RED", "MAIN-WAREHOUSE"))!.Quantity);
    }

    [Fact]
    public async Task ErpBook_BadInput_IsInvalidArgumentNamingTheFieldAndUnknownOrderIsNotFound()
    {
        await using var server = await SyncTestServer.StartAsync();
        var items = new UpsertItemsRequest();
        items.Items.Add(new ErpItem { No = "A", UnitPrice = "12,50" });
        var prices = new UpsertPricesRequest();
        prices.Prices.Add(new ErpPrice { ItemNo = "NOPE", UnitPrice = "1" });

        var badDecimal = await Assert.ThrowsAsync<RpcException>(() => Call<UpsertItemsRequest, UpsertItemsResponse>(server, "UpsertItems", items));
        var unknownItem = await Assert.ThrowsAsync<RpcException>(() => Call<UpsertPricesRequest, UpsertPricesResponse>(server, "UpsertPrices", prices));
        var unknownOrder = await Assert.ThrowsAsync<RpcException>(() => Call<PostShipmentRequest, PostShipmentResponse>(server, "PostShipment", new PostShipmentRequest { SalesOrderNo = "SO999999" }));
        var noShop = await Assert.ThrowsAsync<RpcException>(() => Call<ListErpDocumentsRequest, ListErpDocumentsResponse>(server, "ListErpDocuments", new ListErpDocumentsRequest()));

        Assert.Equal(StatusCode.InvalidArgument, badDecimal.StatusCode);
        Assert.Contains("items[0].unit_price", badDecimal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unknownItem.StatusCode);
        Assert.Contains("prices[0].item_no", unknownItem.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noShop.StatusCode);
        Assert.Contains("shop_code", noShop.Status.Detail, StringComparison.Ordinal);
    }

    private static Task<TResponse> Call<TRequest, TResponse>(SyncTestServer server, string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        server.Channel.UnaryAsync<TRequest, TResponse>(Service.FindMethodByName(method), request);
}
