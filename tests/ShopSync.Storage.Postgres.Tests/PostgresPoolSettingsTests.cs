using Npgsql;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The job store's pool settings: statements prepared per connection, no reset when a connection goes back.</summary>
public sealed class PostgresPoolSettingsTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public void WithPoolSettings_StringSetsNeither_AutoPrepareOnAndNoReset()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresJobStore.WithPoolSettings("Host=db;Username=shopsync"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("db", settings.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void WithPoolSettings_StringSetsThem_ItsValuesKept(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresJobStore.WithPoolSettings(connectionString));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    [Fact]
    public async Task DataSource_StatementRunFiveTimes_IsPreparedOnItsConnection()
    {
        var store = factory.Open(useDatabaseClock: true);
        await using var connection = await store.DataSource.OpenConnectionAsync(Ct);
        for (var i = 0; i < 6; i++)
        {
            await Pg.Command(connection, null, "SELECT $1::integer + 1", i).ScalarAsync(Ct);
        }

        var prepared = await Pg.Command(connection, null, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::integer + 1%'").ScalarAsync(Ct);
        Assert.Equal(1L, prepared);
    }

    [Fact]
    public async Task DataSource_ConnectionBackFromThePool_IsNotReset()
    {
        var store = factory.Open(useDatabaseClock: true);
        int backend;
        await using (var first = await store.DataSource.OpenConnectionAsync(Ct))
        {
            backend = first.ProcessID;
            await Pg.Command(first, null, "SELECT set_config('shopsync.probe', 'kept', false)").ScalarAsync(Ct);
        }

        // The pool holds one idle connection: the same backend, and no RESET ALL ran on it before this use.
        await using var again = await store.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(backend, again.ProcessID);
        Assert.Equal("kept", await Pg.Command(again, null, "SELECT current_setting('shopsync.probe', true)").ScalarAsync(Ct));
    }
}
