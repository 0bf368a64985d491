using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Jobs;

namespace ShopSync.Server.Tests.Shops;

/// <summary>ShopService through gRPC: CRUD, paging, update masks, errors naming fields, write-only secrets.</summary>
public sealed class ShopServiceTests
{
    private const string AccessToken = "shpat_do-not-leak-3f9a1c";
    private const string WebhookSecret = "whsec_do-not-leak-77b2e0";

    [Fact]
    public async Task CreateShop_WithSecrets_ReturnsFlagsButNeverTheSecrets()
    {
        await using var server = await InProcessServer.StartAsync();

        var created = await CreateAsync(server, new Shop
        {
            Code = "alpha",
            ShopifyUrl = "https://alpha.myshopify.com",
            AccessToken = AccessToken,
            WebhookSecret = WebhookSecret,
            AllowBackgroundSyncs = false,
        });
        var read = await GetAsync(server, "alpha");

        foreach (var shop in new[] { created, read })
        {
            Assert.Equal("alpha", shop.Code);
            Assert.Equal("https://alpha.myshopify.com", shop.ShopifyUrl);
            Assert.True(shop.HasAccessToken);
            Assert.True(shop.HasWebhookSecret);
            Assert.Equal("", shop.AccessToken);
            Assert.Equal("", shop.WebhookSecret);
            Assert.False(shop.AllowBackgroundSyncs);
            Assert.Equal("SHPFY", shop.JobQueueCategory);
        }
    }

    [Fact]
    public async Task ShopService_EveryCallWithSecrets_NeverWritesThemToTheLog()
    {
        await using var server = await InProcessServer.StartAsync();

        await CreateAsync(server, new Shop { Code = "logged", ShopifyUrl = "logged", AccessToken = AccessToken, WebhookSecret = WebhookSecret });
        await UpdateAsync(server, new Shop { Code = "logged", AccessToken = AccessToken + "-2" }, "access_token");
        await Assert.ThrowsAsync<RpcException>(() =>
            CreateAsync(server, new Shop { Code = "bad code!", ShopifyUrl = "x", AccessToken = AccessToken, WebhookSecret = WebhookSecret }));
        await Assert.ThrowsAsync<RpcException>(() =>
            CreateAsync(server, new Shop { Code = "logged", ShopifyUrl = "x", AccessToken = AccessToken }));
        await GetAsync(server, "logged");

        Assert.NotEmpty(server.Logs.Records);
        Assert.DoesNotContain(AccessToken, server.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShops_Paged_RoundTripsThePageToken()
    {
        await using var server = await InProcessServer.StartAsync();
        var codes = new[] { "s1", "s2", "s3", "s4", "s5" };
        foreach (var code in codes.Reverse())
        {
            await server.Api.CreateShopAsync(code);
        }

        var listed = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await server.Api.ShopsAsync<ListShopsRequest, ListShopsResponse>(
                "ListShops", new ListShopsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.Shops.Count <= 2);
            listed.AddRange(page.Shops.Select(s => s.Code));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(codes, listed);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task UpdateShop_WithMask_ChangesOnlyTheNamedFields()
    {
        await using var server = await InProcessServer.StartAsync();
        await CreateAsync(server, new Shop { Code = "upd", ShopifyUrl = "upd", AllowBackgroundSyncs = true, DefaultCustomerNo = "C100" });

        var updated = await UpdateAsync(
            server,
            new Shop { Code = "upd", AllowBackgroundSyncs = false, DefaultCustomerNo = "IGNORED", JobQueueCategory = "IGNORED" },
            "allow_background_syncs");

        Assert.False(updated.AllowBackgroundSyncs);
        Assert.Equal("C100", updated.DefaultCustomerNo);
        Assert.Equal("SHPFY", updated.JobQueueCategory);
        Assert.False((await GetAsync(server, "upd")).AllowBackgroundSyncs);
    }

    [Fact]
    public async Task UpdateShop_WithoutMask_ChangesEverySetField()
    {
        await using var server = await InProcessServer.StartAsync();
        await CreateAsync(server, new Shop { Code = "nomask", ShopifyUrl = "nomask" });

        var updated = await UpdateAsync(server, new Shop { Code = "nomask", JobQueueCategory = "ORDERS", AccessToken = AccessToken });

        Assert.Equal("ORDERS", updated.JobQueueCategory);
        Assert.True(updated.HasAccessToken);
        Assert.Equal("https://nomask.myshopify.com", updated.ShopifyUrl);
    }

    [Fact]
    public async Task UpdateShop_UnknownMaskPath_InvalidArgumentNamingUpdateMask()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("mask");

        var error = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(server, new Shop { Code = "mask" }, "colour"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("update_mask", error.Status.Detail);
        Assert.Contains("colour", error.Status.Detail);
        Assert.Equal("update_mask", ValidationTests.Violation(error));
    }

    [Theory]
    [InlineData("bad code!", "https://x.myshopify.com", "shop.code")]
    [InlineData("", "https://x.myshopify.com", "shop.code")]
    [InlineData("no-url", "", "shop.shopify_url")]
    [InlineData("bad-url", "ftp://x.example", "shop.shopify_url")]
    public async Task CreateShop_InvalidField_InvalidArgumentNamingTheField(string code, string url, string field)
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(server, new Shop { Code = code, ShopifyUrl = url }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
        Assert.Equal(field, ValidationTests.Violation(error));
    }

    [Fact]
    public async Task CreateShop_SameCodeInOtherCase_AlreadyExists()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("dup");

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(server, new Shop { Code = "DUP", ShopifyUrl = "dup" }));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task ShopService_UnknownShop_NotFoundForGetUpdateDelete()
    {
        await using var server = await InProcessServer.StartAsync();

        var get = await Assert.ThrowsAsync<RpcException>(() => GetAsync(server, "nobody"));
        var update = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(server, new Shop { Code = "nobody", DefaultCustomerNo = "C1" }));
        var delete = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.ShopsAsync<DeleteShopRequest, DeleteShopResponse>("DeleteShop", new DeleteShopRequest { Code = "nobody" }));

        Assert.All(new[] { get, update, delete }, e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.Contains("nobody", get.Status.Detail);
    }

    [Fact]
    public async Task DeleteShop_ExistingShop_IsGone()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("gone");

        await server.Api.ShopsAsync<DeleteShopRequest, DeleteShopResponse>("DeleteShop", new DeleteShopRequest { Code = "gone" });

        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync(server, "gone"));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task EnqueueJob_ShopCodeInOtherCase_EntryCarriesTheShopsOwnCodeAndCategory()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("Shop-X", category: "XCAT");

        var id = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "shop-x", steps: 0));

        var job = await server.Api.GetJobAsync(id);
        Assert.Equal("Shop-X", job.ShopCode);
        Assert.Equal("XCAT", job.CategoryCode);
        var listed = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest { ShopCode = "Shop-X" });
        Assert.Equal(id, Assert.Single(listed.Jobs).Id);
    }

    private static async Task<Shop> CreateAsync(InProcessServer server, Shop shop) =>
        (await server.Api.ShopsAsync<CreateShopRequest, CreateShopResponse>("CreateShop", new CreateShopRequest { Shop = shop })).Shop;

    private static async Task<Shop> GetAsync(InProcessServer server, string code) =>
        (await server.Api.ShopsAsync<GetShopRequest, GetShopResponse>("GetShop", new GetShopRequest { Code = code })).Shop;

    private static async Task<Shop> UpdateAsync(InProcessServer server, Shop shop, params string[] mask)
    {
        var request = new UpdateShopRequest { Shop = shop };
        if (mask.Length > 0)
        {
            request.UpdateMask = new FieldMask { Paths = { mask } };
        }
        return (await server.Api.ShopsAsync<UpdateShopRequest, UpdateShopResponse>("UpdateShop", request)).Shop;
    }
}
