using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Sandbox.Tests;

public sealed class SandboxVariantsTests
{
    private static readonly ShopifyProductInput Shirt = new(Title: "Linen Shirt", Status: "ACTIVE",
        ProductOptions: [new ShopifyProductOptionInput("Variant", [new("S"), new("M"), new("L")])]);

    [Fact]
    public async Task CreateVariantsAsync_RemoveStandaloneVariant_ReplacesPlaceholderAndProductsQueryReadsThem()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var product = (await client.CreateProductAsync(Shirt, CancellationToken.None)).Value!;
        var placeholder = Assert.Single(context.Store.GetProductVariants(product.Id));

        var result = await client.CreateVariantsAsync(product.Id, [Variant("S", "SH-S", 10m), Variant("M", "SH-M", 11m), Variant("L", "SH-L", 12m)],
            ShopifyVariantsCreateStrategy.RemoveStandaloneVariant, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("S", placeholder.Title);
        Assert.Equal(["SH-S", "SH-M", "SH-L"], result.Variants.Select(v => v.Sku));
        Assert.Equal([new ShopifySelectedOption("Variant", "M")], result.Variants[1].SelectedOptions);
        Assert.Equal(result.Variants.Select(v => v.Id), result.ProductVariantIds);
        var stored = context.Store.GetProductVariants(product.Id);
        Assert.DoesNotContain(stored, v => v.Id == placeholder.Id);
        Assert.Equal([10m, 11m, 12m], stored.Select(v => v.Price));
        var read = await client.GetProductsAsync(new ShopifyPageRequest(Query: "handle:linen-shirt"), CancellationToken.None).ItemsAsync().ToListAsync();
        Assert.Equal(["SH-S", "SH-M", "SH-L"], Assert.Single(read).Variants.Nodes.Select(v => v.Sku));
        var levels = await client.GetInventoryLevelsAsync(context.Store.LocationIds[0], new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        Assert.Equal(3, levels.Count(l => l.Item.Sku is "SH-S" or "SH-M" or "SH-L"));
        Assert.DoesNotContain(levels, l => l.Item.Variant?.Id == placeholder.Id);
    }

    [Fact]
    public async Task CreateVariantsAsync_DuplicateCombination_RefusesThatVariantAndCreatesNone()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var product = (await client.CreateProductAsync(Shirt, CancellationToken.None)).Value!;
        await client.CreateVariantsAsync(product.Id, [Variant("S", "SH-S", 10m)], ShopifyVariantsCreateStrategy.RemoveStandaloneVariant, CancellationToken.None);

        var result = await client.CreateVariantsAsync(product.Id, [Variant("M", "SH-M", 11m), Variant("s", "SH-S2", 10m)],
            ShopifyVariantsCreateStrategy.Default, CancellationToken.None);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Outcome.Records[1].Errors);
        Assert.Equal("VARIANT_ALREADY_EXISTS_CHANGE_OPTION_VALUE", error.Code);
        Assert.Equal(["variants", "1"], error.Field);
        Assert.Empty(result.Variants);
        Assert.Equal(["SH-S"], context.Store.GetProductVariants(product.Id).Select(v => v.Sku));
    }

    [Fact]
    public async Task CreateVariantsAsync_DefaultStrategy_KeepsLoneCustomVariant()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var product = (await client.CreateProductAsync(Shirt, CancellationToken.None)).Value!;
        await client.CreateVariantsAsync(product.Id, [Variant("S", "SH-S", 10m)], ShopifyVariantsCreateStrategy.RemoveStandaloneVariant, CancellationToken.None);

        var result = await client.CreateVariantsAsync(product.Id, [Variant("M", "SH-M", 11m)], ShopifyVariantsCreateStrategy.Default, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["SH-S", "SH-M"], context.Store.GetProductVariants(product.Id).Select(v => v.Sku));
    }

    [Fact]
    public async Task CreateVariantsAsync_UnknownProductOrOption_ReturnsUserErrors()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var product = (await client.CreateProductAsync(Shirt, CancellationToken.None)).Value!;
        await client.CreateVariantsAsync(product.Id, [Variant("S", "SH-S", 10m)], ShopifyVariantsCreateStrategy.RemoveStandaloneVariant, CancellationToken.None);

        var unknownProduct = await client.CreateVariantsAsync("gid://shopify/Product/404", [Variant("S", "X", 1m)], ShopifyVariantsCreateStrategy.Default, CancellationToken.None);
        var unknownOption = await client.CreateVariantsAsync(product.Id,
            [new ShopifyVariantCreateInput([new ShopifyVariantOptionValueInput("Colour", "Red")], 1m)], ShopifyVariantsCreateStrategy.Default, CancellationToken.None);

        Assert.Equal("PRODUCT_DOES_NOT_EXIST", Assert.Single(unknownProduct.Outcome.UnattributedErrors).Code);
        Assert.Equal(["productId"], unknownProduct.Outcome.UnattributedErrors[0].Field);
        Assert.Equal("OPTION_DOES_NOT_EXIST", Assert.Single(unknownOption.Outcome.Records[0].Errors).Code);
        Assert.Single(context.Store.GetProductVariants(product.Id));
    }

    [Fact]
    public async Task CreateProductAsync_HandleTaken_NumbersDerivedHandleAndRefusesGivenOne()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();

        var first = await client.CreateProductAsync(new ShopifyProductInput(Title: "Wool  Hat!"), CancellationToken.None);
        var second = await client.CreateProductAsync(new ShopifyProductInput(Title: "Wool Hat"), CancellationToken.None);

        var explicitTaken = await client.CreateProductAsync(new ShopifyProductInput(Title: "Wool Hat", Handle: "wool-hat"), CancellationToken.None);

        Assert.Equal("wool-hat", first.Value!.Handle);
        Assert.Equal("wool-hat-1", second.Value!.Handle);
        Assert.Equal(["handle"], Assert.Single(explicitTaken.UserErrors).Field);
        Assert.Single(context.Store.FindProductIds("Wool Hat"));
        Assert.Equal("Default Title", Assert.Single(context.Store.GetProductVariants(first.Value.Id)).Title);
    }

    private static ShopifyVariantCreateInput Variant(string code, string sku, decimal price) =>
        new([new ShopifyVariantOptionValueInput("Variant", code)], price, InventoryItem: new ShopifyInventoryItemInput(Sku: sku));
}
