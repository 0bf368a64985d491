using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Client.Tests;

public sealed class CompanyCreateTests
{
    private static ShopifyCompanyCreateInput Acme(string externalId, string name = "Acme Trading", string? email = "buyer@acme.example.com") => new(
        new ShopifyCompanyInput(name, externalId),
        email is null ? null : new ShopifyCompanyContactInput(email, "Ada", "Buyer"),
        new ShopifyCompanyLocationInput("Acme HQ", new ShopifyCompanyAddressInput("1 Harbour Street", City: "Bergen", Zip: "5003", CountryCode: "NO"), BillingSameAsShipping: true));

    [Fact]
    public async Task CreateCompanyAsync_ValidInput_CreatesCompanyReadableByExternalId()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();

        var result = await client.CreateCompanyAsync(Acme("ERP-900"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var created = result.Value!;
        Assert.StartsWith("gid://shopify/Company/", created.Id, StringComparison.Ordinal);
        Assert.Equal("buyer@acme.example.com", created.MainContact?.Customer?.Email);
        var location = Assert.Single(created.Locations.Nodes);
        Assert.Equal("Acme HQ", location.Name);
        Assert.Equal("NO", location.BillingAddress?.CountryCode);
        var found = new List<ShopifyCompany>();
        await foreach (var page in client.GetCompaniesAsync(new ShopifyPageRequest(Query: "external_id:'ERP-900'"), CancellationToken.None))
        {
            found.AddRange(page.Items);
        }
        Assert.Equal(created.Id, Assert.Single(found).Id);
        Assert.True(context.Store.HasCustomer("buyer@acme.example.com"));
    }

    [Fact]
    public async Task CreateCompanyAsync_ExternalIdTaken_ReturnsTakenUserErrorAndCreatesNothing()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        await client.CreateCompanyAsync(Acme("ERP-901"), CancellationToken.None);
        var before = context.Store.CompanyCount;

        var duplicate = await client.CreateCompanyAsync(Acme("ERP-901", "Other Name", email: null), CancellationToken.None);

        Assert.False(duplicate.Succeeded);
        Assert.Null(duplicate.Value);
        var error = Assert.Single(duplicate.UserErrors);
        Assert.Equal("TAKEN", error.Code);
        Assert.Equal(["input", "company", "externalId"], error.Field);
        Assert.Equal(before, context.Store.CompanyCount);
    }

    [Fact]
    public async Task CreateCompanyAsync_BlankName_ReturnsBlankUserError()
    {
        await using var context = await ShopifyTestContext.StartAsync();

        var result = await context.Client().CreateCompanyAsync(Acme("ERP-902", name: " "), CancellationToken.None);

        var error = Assert.Single(result.UserErrors);
        Assert.Equal("BLANK", error.Code);
        Assert.Equal(["input", "company", "name"], error.Field);
        Assert.Empty(context.Store.GetCompanyIds("ERP-902"));
    }

    [Fact]
    public async Task CreateCompanyAsync_ReadOnlyShop_ThrowsBeforeSending()
    {
        await using var context = await ShopifyTestContext.StartAsync();

        await Assert.ThrowsAsync<ShopifyReadOnlyException>(() => context.Client(allowOutgoing: false).CreateCompanyAsync(Acme("ERP-903"), CancellationToken.None));

        Assert.DoesNotContain(context.Store.Requests, r => r.OperationName == "ShopSyncCompanyCreate");
    }
}
