using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Shops;

namespace ShopSync.Server.Shops;

/// <summary>shopsync.v1.ShopService: shops and their connector settings.</summary>
internal sealed class ShopGrpcService(IShopRegistry shops) : ShopService.ShopServiceBase
{
    public override async Task<CreateShopResponse> CreateShop(CreateShopRequest request, ServerCallContext context)
    {
        var shop = request.Shop ?? throw RpcErrors.InvalidArgument("shop", "is required");
        var created = await shops.CreateAsync(shop.Code, ShopMessages.ToChanges(shop, mask: null), context.CancellationToken);
        return new CreateShopResponse { Shop = ShopMessages.ToMessage(created) };
    }

    public override async Task<UpdateShopResponse> UpdateShop(UpdateShopRequest request, ServerCallContext context)
    {
        var shop = request.Shop ?? throw RpcErrors.InvalidArgument("shop", "is required");
        if (string.IsNullOrWhiteSpace(shop.Code))
        {
            throw RpcErrors.InvalidArgument("shop.code", "is required: it names the shop to update");
        }
        var updated = await shops.UpdateAsync(shop.Code, ShopMessages.ToChanges(shop, request.UpdateMask), context.CancellationToken);
        return new UpdateShopResponse { Shop = ShopMessages.ToMessage(updated) };
    }

    public override async Task<GetShopResponse> GetShop(GetShopRequest request, ServerCallContext context)
    {
        RequireCode(request.Code);
        return new GetShopResponse { Shop = ShopMessages.ToMessage(await shops.GetAsync(request.Code, context.CancellationToken)) };
    }

    public override async Task<ListShopsResponse> ListShops(ListShopsRequest request, ServerCallContext context)
    {
        var size = Paging.PageSize(request.PageSize);
        var after = Paging.Decode(request.PageToken);
        var page = await shops.ListAsync(after, size + 1, context.CancellationToken);
        var response = new ListShopsResponse();
        response.Shops.AddRange(page.Take(size).Select(ShopMessages.ToMessage));
        if (page.Count > size)
        {
            response.NextPageToken = Paging.Encode(page[size - 1].Code);
        }
        return response;
    }

    public override async Task<DeleteShopResponse> DeleteShop(DeleteShopRequest request, ServerCallContext context)
    {
        RequireCode(request.Code);
        await shops.DeleteAsync(request.Code, context.CancellationToken);
        return new DeleteShopResponse();
    }

    private static void RequireCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw RpcErrors.InvalidArgument("code", "is required");
        }
    }
}
