using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

public sealed class SyncOrdersTests
{
    [Fact]
    public async Task SyncOrders_NoShopOnTheEntry_RefusedAtEnqueueNamingShopCode()
    {
        await using var server = await SyncTestServer.StartAsync();

        var error = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => server.RunAsync(SyncReportIds.SyncOrders, shopCode: ""));

        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("shop_code: is required for task 30104 Sync Orders from Shopify", error.Status.Detail, StringComparison.Ordinal);
    }
}
