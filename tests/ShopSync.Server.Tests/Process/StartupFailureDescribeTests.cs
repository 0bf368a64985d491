using Microsoft.Data.Sqlite;
using ShopSync.Server.Hosting;

namespace ShopSync.Server.Tests.Process;

/// <summary>The one line a failed start-up prints, for causes hard to provoke in a real process.</summary>
public sealed class StartupFailureDescribeTests
{
    [Theory]
    [InlineData(new[] { "--db", "/data/shop.db", "--Storage:Sqlite:BusyTimeoutSeconds=7" }, "7 s")]
    [InlineData(new[] { "--db", "/data/shop.db" }, "30 s")]
    public void Describe_DatabaseLocked_NamesTheFileAndTheConfiguredBusyTimeout(string[] args, string timeout)
    {
        var locked = new SqliteException("database is locked", 5);

        var line = StartupFailure.Describe(new InvalidOperationException("migration failed", locked), args);

        Assert.Contains("/data/shop.db is locked", line, StringComparison.Ordinal);
        Assert.Contains($"busy timeout of {timeout}", line, StringComparison.Ordinal);
    }
}
