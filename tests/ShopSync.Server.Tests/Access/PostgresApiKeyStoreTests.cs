using Npgsql;
using ShopSync.Server.Access;
using ShopSync.Server.Access.Keys;
using ShopSync.Testing.Postgres;

namespace ShopSync.Server.Tests.Access;

/// <summary>API keys in PostgreSQL: the bootstrap command writes there, and the store keeps the SQLite store's rules.</summary>
public sealed class PostgresApiKeyStoreTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync(nameof(PostgresApiKeyStoreTests));

    [Fact]
    public async Task KeysCreate_WithPostgres_WritesTheKeyWhereEveryNodeReadsIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerKeysCommand.RunAsync(
            ["keys", "create", "--role", "admin", "--name", "root", "--postgres", _database], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var secret = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        await using var source = NpgsqlDataSource.Create(_database);
        var found = await new PostgresApiKeyStore(source).FindByHashAsync(ApiKeySecrets.Hash(secret), CancellationToken.None);
        Assert.Equal("root", found?.Name);
        Assert.Equal("admin", found?.Role);
    }

    [Fact]
    public async Task KeysCreate_DbAndPostgres_UsageErrorNamingBoth()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerKeysCommand.RunAsync(
            ["keys", "create", "--role", "admin", "--name", "root", "--db", "x.db", "--postgres", _database], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--db", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--postgres", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRevokeRecordUse_OnPostgres_NameReusableAfterRevokeAndLastUseNeverMovesBack()
    {
        await using var source = NpgsqlDataSource.Create(_database);
        var store = new PostgresApiKeyStore(source);
        await store.InitializeAsync(CancellationToken.None);
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var first = Key("k1", "ci", at);
        await store.AddAsync(first, CancellationToken.None);

        await Assert.ThrowsAsync<ApiKeyNameTakenException>(() => store.AddAsync(Key("k2", "ci", at), CancellationToken.None));
        Assert.Equal(at.AddMinutes(1), (await store.RevokeAsync("ci", at.AddMinutes(1), CancellationToken.None))?.RevokedAt);
        await store.AddAsync(Key("k3", "ci", at.AddMinutes(2)), CancellationToken.None);
        await store.RecordUseAsync(new Dictionary<string, DateTimeOffset> { ["k3"] = at.AddMinutes(5) }, CancellationToken.None);
        await store.RecordUseAsync(new Dictionary<string, DateTimeOffset> { ["k3"] = at.AddMinutes(4) }, CancellationToken.None);

        Assert.Equal(["k3"], (await store.ListAsync(includeRevoked: false, CancellationToken.None)).Select(k => k.Id));
        Assert.Equal(["k1", "k3"], (await store.ListAsync(includeRevoked: true, CancellationToken.None)).Select(k => k.Id));
        Assert.Equal(at.AddMinutes(5), (await store.FindByHashAsync("hash-k3", CancellationToken.None))?.LastUsedAt);
        Assert.Null(await store.RevokeAsync("nobody", at, CancellationToken.None));
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_database);

    private static ApiKeyRecord Key(string id, string name, DateTimeOffset createdAt) => TestApiKeys.Key(id, name, createdAt);
}
