using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Data.Sqlite;
using ShopSync.Client;
using IShopSecrets = ShopSync.Connector.Shops.IShopSecrets;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Security;

/// <summary>The key ring apart from the data, owner-only files, the URL-change secret drop, and no secret in any response.</summary>
public sealed class SecretsAtRestTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;
    private readonly TempDirectory _directory = new("shopsync-secrets-at-rest");

    private string DatabaseFile => _directory.File("shop.db");

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FreshDatabase_DatabaseAndKeyFilesAreOwnerOnly()
    {
        await using (var server = await StartAsync())
        {
            using var client = ShopSyncClient.Create(server.Address);
            await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = "perm", ShopifyUrl = "perm", AccessToken = "shpat_perm-0001" } });

            Assert.Equal(OwnerFile, File.GetUnixFileMode(DatabaseFile));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(DatabaseFile + "-wal"));
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(DatabaseFile + ".keys"));
            var keys = Directory.GetFiles(DatabaseFile + ".keys", "*.xml");
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Equal(OwnerFile, File.GetUnixFileMode(key)));
        }
        Assert.Equal(0L, await CountKeyRowsAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_WorldReadableDatabaseOfAnEarlierVersion_IsNarrowedToOwnerOnly()
    {
        await using (await StartAsync())
        {
        }
        File.SetUnixFileMode(DatabaseFile, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (await StartAsync())
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(DatabaseFile));
        }
    }

    [Fact]
    public async Task Start_KeyRingInTheDatabaseAsEarlierVersionsKeptIt_IsMovedOutAndOldTokensStillDecrypt()
    {
        const string token = "shpat_before-the-move";
        await using (var server = await StartAsync())
        {
            using var client = ShopSyncClient.Create(server.Address);
            await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = "old", ShopifyUrl = "old", AccessToken = token } });
        }
        // The layout of earlier versions: the key ring as rows of data_protection_keys, no key folder.
        await MoveKeysIntoTheDatabaseAsync();
        Assert.False(Directory.Exists(DatabaseFile + ".keys"));

        await using (var server = await StartAsync())
        {
            var secrets = server.Services.GetRequiredService<IShopSecrets>();
            Assert.Equal(token, await secrets.GetAccessTokenAsync("old", CancellationToken.None));
            Assert.Contains(server.Logs.Records, r => r.EventId.Id == 6300);
        }
        Assert.Equal(0L, await CountKeyRowsAsync());
        Assert.NotEmpty(Directory.GetFiles(DatabaseFile + ".keys", "*.xml"));
    }

    [Fact]
    public async Task UpdateShop_NewShopifyUrl_DropsTheStoredSecretsUnlessNewOnesComeWithIt()
    {
        await using var server = await StartAsync();
        using var client = ShopSyncClient.Create(server.Address);
        var secrets = server.Services.GetRequiredService<IShopSecrets>();
        await client.Shops.CreateShopAsync(new CreateShopRequest
        {
            Shop = new Shop { Code = "moving", ShopifyUrl = "https://moving.myshopify.com", AccessToken = "shpat_first", WebhookSecret = "whsec_first" },
        });

        var sameUrl = await UpdateAsync(client, new Shop { Code = "moving", ShopifyUrl = "https://moving.myshopify.com" }, "shopify_url");
        var moved = await UpdateAsync(client, new Shop { Code = "moving", ShopifyUrl = "http://127.0.0.1:9" }, "shopify_url");
        var tokenAfterMove = await secrets.GetAccessTokenAsync("moving", CancellationToken.None);
        var movedWithToken = await UpdateAsync(
            client, new Shop { Code = "moving", ShopifyUrl = "https://moved.myshopify.com", AccessToken = "shpat_second" }, "shopify_url", "access_token");

        Assert.True(sameUrl.HasAccessToken && sameUrl.HasWebhookSecret);
        Assert.False(moved.HasAccessToken);
        Assert.False(moved.HasWebhookSecret);
        Assert.Null(tokenAfterMove);
        Assert.True(movedWithToken.HasAccessToken);
        Assert.False(movedWithToken.HasWebhookSecret);
        Assert.Equal("shpat_second", await secrets.GetAccessTokenAsync("moving", CancellationToken.None));
    }

    [Fact]
    public async Task ShopResponses_OfEveryShopRpc_CarryNoSecretOnlyThatOneIsSet()
    {
        await using var server = await StartAsync();
        using var client = ShopSyncClient.Create(server.Address);
        var shop = new Shop { Code = "quiet", ShopifyUrl = "quiet", AccessToken = "shpat_quiet", WebhookSecret = "whsec_quiet" };

        IMessage[] responses =
        [
            await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = shop }),
            await UpdateAsync(client, new Shop { Code = "quiet", AccessToken = "shpat_quiet2" }, "access_token"),
            await client.Shops.GetShopAsync(new GetShopRequest { Code = "quiet" }),
            await client.Shops.ListShopsAsync(new ListShopsRequest()),
        ];

        foreach (var response in responses)
        {
            var bytes = response.ToByteArray();
            Assert.DoesNotContain("shpat_", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("whsec_", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        var read = ((GetShopResponse)responses[2]).Shop;
        Assert.True(read.HasAccessToken && read.HasWebhookSecret);
    }

    [Fact]
    public void ResponseMessages_OfEveryService_HaveNoSecretFieldBesideTheShopsWriteOnlyOnes()
    {
        // Shop.access_token and Shop.webhook_secret are write-only (the mapping never fills them, checked above);
        // any other response field named like a secret must be looked at before it ships.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "shopsync.v1.Shop.access_token", "shopsync.v1.Shop.webhook_secret" };
        var files = new[]
        {
            JobQueueReflection.Descriptor, ShopReflection.Descriptor, ScheduleReflection.Descriptor, ErpBookReflection.Descriptor,
            SyncStatusReflection.Descriptor, AuditReflection.Descriptor,
        };
        var found = new List<string>();
        foreach (var method in files.SelectMany(f => f.Services).SelectMany(s => s.Methods))
        {
            Walk(method.OutputType, found, []);
        }
        Assert.Empty(found.Where(f => !allowed.Contains(f)).Distinct());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static void Walk(MessageDescriptor message, List<string> found, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
        {
            return;
        }
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = field.Name;
            var text = field.FieldType is Google.Protobuf.Reflection.FieldType.String or Google.Protobuf.Reflection.FieldType.Bytes;
            if (text && (name.Contains("token", StringComparison.Ordinal) && name != "next_page_token" || name.Contains("secret", StringComparison.Ordinal)
                || name.Contains("password", StringComparison.Ordinal) || name.EndsWith("_key", StringComparison.Ordinal)))
            {
                found.Add($"{message.FullName}.{name}");
            }
            if (field.FieldType == Google.Protobuf.Reflection.FieldType.Message)
            {
                Walk(field.MessageType, found, seen);
            }
        }
    }

    private static async Task<Shop> UpdateAsync(ShopSyncClient client, Shop shop, params string[] mask)
    {
        var request = new UpdateShopRequest { Shop = shop, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask() };
        request.UpdateMask.Paths.AddRange(mask);
        return (await client.Shops.UpdateShopAsync(request)).Shop;
    }

    private Task<InProcessServer> StartAsync() =>
        InProcessServer.StartAsync(settings: new Dictionary<string, string?> { ["Storage:DatabaseFile"] = DatabaseFile });

    private async Task MoveKeysIntoTheDatabaseAsync()
    {
        var folder = DatabaseFile + ".keys";
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        foreach (var file in Directory.GetFiles(folder, "*.xml"))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO data_protection_keys (FriendlyName, Xml) VALUES (@name, @xml)";
            insert.Parameters.AddWithValue("@name", Path.GetFileNameWithoutExtension(file));
            insert.Parameters.AddWithValue("@xml", await File.ReadAllTextAsync(file));
            await insert.ExecuteNonQueryAsync();
        }
        Directory.Delete(folder, recursive: true);
    }

    private async Task<long> CountKeyRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM data_protection_keys";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
