using Npgsql;
using ShopSync.Server.Access.Keys;
using ShopSync.Testing.Postgres;

namespace ShopSync.Server.Tests.Access;

/// <summary>
/// Revoking a key on either store: one statement, so revokes at once (two operators, two nodes) agree on when the key
/// was revoked, and revoking a revoked key's id answers the time it was revoked at.
/// </summary>
public sealed class ApiKeyRevokeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("shopsync-keys-").FullName;
    private string _database = "";
    private NpgsqlDataSource? _source;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync(nameof(ApiKeyRevokeTests));
        _source = NpgsqlDataSource.Create(_database);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Revoke_ManyAtOnceWithDifferentTimes_EveryAnswerAndTheStoredKeyCarryOneTime(string provider)
    {
        var store = await OpenAsync(provider);
        await store.AddAsync(Key("k1", "ci"), CancellationToken.None);

        // Every revoke's connection is open before they start together (a cold pool would serialise them).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ListAsync(includeRevoked: true, CancellationToken.None)));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var revokes = Enumerable.Range(1, 8).Select(async i =>
        {
            await go.Task;
            return await store.RevokeAsync("k1", At.AddMinutes(i), CancellationToken.None);
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(revokes);

        var times = answers.Select(a => a?.RevokedAt).Distinct().ToList();
        var stored = Assert.Single(await store.ListAsync(includeRevoked: true, CancellationToken.None));
        Assert.Equal([stored.RevokedAt], times);
        Assert.NotNull(stored.RevokedAt);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Revoke_ByNameThenByIdThenByNameAgain_TheFirstTimeKeptAndTheNameNoLongerFound(string provider)
    {
        var store = await OpenAsync(provider);
        await store.AddAsync(Key("k1", "ci"), CancellationToken.None);

        Assert.Equal(At.AddMinutes(1), (await store.RevokeAsync("ci", At.AddMinutes(1), CancellationToken.None))?.RevokedAt);
        var again = await store.RevokeAsync("k1", At.AddMinutes(9), CancellationToken.None);

        Assert.Equal("k1", again?.Id);
        Assert.Equal(At.AddMinutes(1), again?.RevokedAt);
        Assert.Null(await store.RevokeAsync("ci", At.AddMinutes(9), CancellationToken.None));
        Assert.Empty(await store.ListAsync(includeRevoked: false, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await TestPostgres.DropDatabaseAsync(_database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IApiKeyStore> OpenAsync(string provider)
    {
        var file = $"Data Source={Path.Combine(_folder, "keys.db")}";
        if (provider == "sqlite")
        {
            // The server's file, like every file the job store opened: in WAL mode (a rollback journal makes
            // concurrent writers fail fast with "database is locked" rather than wait).
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(file);
            await connection.OpenAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync();
        }

        IApiKeyStore store = provider == "sqlite" ? new SqliteApiKeyStore(file) : new PostgresApiKeyStore(_source!);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static ApiKeyRecord Key(string id, string name) => TestApiKeys.Key(id, name, At);
}
