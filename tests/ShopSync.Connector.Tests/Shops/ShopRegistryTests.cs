using Microsoft.Data.Sqlite;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Tests.Shops;

public sealed class ShopRegistryTests
{
    private static readonly ShopChanges Minimal = new() { ShopifyUrl = "https://demo.myshopify.com" };

    [Fact]
    public async Task Create_WithOnlyUrl_AppliesTheConnectorDefaults()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();

        var shop = await f.Registry.CreateAsync("demo", Minimal, CancellationToken.None);

        Assert.Equal("demo", shop.Code);
        Assert.Equal(new Uri("https://demo.myshopify.com"), shop.ShopifyUrl);
        Assert.True(shop.AllowBackgroundSyncs);
        Assert.True(shop.AllowOutgoingRequests);
        Assert.Equal("SHPFY", shop.JobQueueCategory);
        Assert.Equal(ShopDefaults.ApiVersion, shop.ApiVersion);
        Assert.False(shop.HasAccessToken);
    }

    [Theory]
    [InlineData("acme", "https://acme.myshopify.com/")]
    [InlineData("acme.myshopify.com", "https://acme.myshopify.com/")]
    [InlineData("http://127.0.0.1:5000/sandbox/demo/", "http://127.0.0.1:5000/sandbox/demo")]
    public async Task Create_WithShortUrlForms_NormalizesTheBaseUrl(string given, string expected)
    {
        await using var f = await ShopRegistryFixture.CreateAsync();

        var shop = await f.Registry.CreateAsync("s1", new ShopChanges { ShopifyUrl = given }, CancellationToken.None);

        Assert.Equal(new Uri(expected), shop.ShopifyUrl);
    }

    [Fact]
    public async Task Create_SameCodeInOtherCase_ThrowsAlreadyExists()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        await f.Registry.CreateAsync("demo", Minimal, CancellationToken.None);

        await Assert.ThrowsAsync<ShopAlreadyExistsException>(() => f.Registry.CreateAsync("DEMO", Minimal, CancellationToken.None));
    }

    [Theory]
    [InlineData("", "shop.code")]
    [InlineData("has space", "shop.code")]
    [InlineData("a-code-longer-than-twenty", "shop.code")]
    public async Task Create_InvalidCode_NamesTheField(string code, string field)
    {
        await using var f = await ShopRegistryFixture.CreateAsync();

        var error = await Assert.ThrowsAsync<ShopValidationException>(() => f.Registry.CreateAsync(code, Minimal, CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message);
    }

    [Theory]
    [InlineData("ftp://x", null, null, "shop.shopify_url")]
    [InlineData("https://x.myshopify.com", "2025-02", null, "shop.api_version")]
    [InlineData("https://x.myshopify.com", null, "MUCH-TOO-LONG-CATEGORY", "shop.job_queue_category")]
    public async Task Create_InvalidSetting_NamesTheField(string url, string? version, string? category, string field)
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        var settings = new ShopChanges { ShopifyUrl = url, ApiVersion = version, JobQueueCategory = category };

        var error = await Assert.ThrowsAsync<ShopValidationException>(() => f.Registry.CreateAsync("x", settings, CancellationToken.None));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task Create_DefaultCustomerMappingWithoutCustomer_IsRejected()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        var settings = Minimal with { CustomerMapping = CustomerMappingMode.DefaultCustomer };

        var error = await Assert.ThrowsAsync<ShopValidationException>(() => f.Registry.CreateAsync("x", settings, CancellationToken.None));

        Assert.Equal("shop.default_customer_no", error.Field);
    }

    [Fact]
    public async Task Update_ChangesOnlyTheGivenSettings()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        await f.Registry.CreateAsync("demo", Minimal with { AutoCreateUnknownItems = true }, CancellationToken.None);

        var shop = await f.Registry.UpdateAsync("demo", new ShopChanges { AllowBackgroundSyncs = false, JobQueueCategory = "shpfy2" }, CancellationToken.None);

        Assert.False(shop.AllowBackgroundSyncs);
        Assert.Equal("SHPFY2", shop.JobQueueCategory);
        Assert.True(shop.AutoCreateUnknownItems);
        Assert.Equal(shop, await f.Registry.GetAsync("demo", CancellationToken.None));
    }

    [Fact]
    public async Task AccessToken_IsEncryptedAtRestAndOnlyReadableThroughSecrets()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        const string token = "shpat_0123456789abcdef_secret";

        var shop = await f.Registry.CreateAsync("demo", Minimal with { AccessToken = token, WebhookSecret = "hook-secret" }, CancellationToken.None);

        Assert.True(shop.HasAccessToken);
        Assert.True(shop.HasWebhookSecret);
        Assert.DoesNotContain(token, shop.ToString());
        Assert.Equal(token, await f.Secrets.GetAccessTokenAsync("demo", CancellationToken.None));
        Assert.Equal("hook-secret", await f.Secrets.GetWebhookSecretAsync("DEMO", CancellationToken.None));
        await using var raw = new SqliteConnection($"Data Source={f.DatabaseFile}");
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT ProtectedAccessToken FROM shops";
        var stored = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(stored);
        Assert.DoesNotContain("shpat_", stored);
    }

    [Fact]
    public async Task Update_EmptySecret_ClearsIt()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        await f.Registry.CreateAsync("demo", Minimal with { AccessToken = "t" }, CancellationToken.None);

        var shop = await f.Registry.UpdateAsync("demo", new ShopChanges { AccessToken = "" }, CancellationToken.None);

        Assert.False(shop.HasAccessToken);
        Assert.Null(await f.Secrets.GetAccessTokenAsync("demo", CancellationToken.None));
    }

    [Fact]
    public async Task List_PagesInCodeOrder()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        foreach (var code in new[] { "c", "a", "b" })
        {
            await f.Registry.CreateAsync(code, Minimal, CancellationToken.None);
        }

        var first = await f.Registry.ListAsync(null, 2, CancellationToken.None);
        var rest = await f.Registry.ListAsync(first[^1].Code, 2, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Select(s => s.Code));
        Assert.Equal(["c"], rest.Select(s => s.Code));
    }

    [Fact]
    public async Task Delete_ThenGet_ThrowsNotFound()
    {
        await using var f = await ShopRegistryFixture.CreateAsync();
        await f.Registry.CreateAsync("demo", Minimal, CancellationToken.None);

        await f.Registry.DeleteAsync("demo", CancellationToken.None);

        await Assert.ThrowsAsync<ShopNotFoundException>(() => f.Registry.GetAsync("demo", CancellationToken.None));
        await Assert.ThrowsAsync<ShopNotFoundException>(() => f.Registry.DeleteAsync("demo", CancellationToken.None));
    }
}
