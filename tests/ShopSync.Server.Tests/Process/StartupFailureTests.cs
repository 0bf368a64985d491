using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>
/// A start-up that cannot go on exits non-zero with one line naming the file and the cause: no stack trace, no hang.
/// A stale EF Core migration lock left by a dead process is cleared.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class StartupFailureTests : IDisposable
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("shopsync-startup");

    [Fact]
    public async Task Start_DatabaseFolderMissing_OneLineNamingTheFolder()
    {
        var file = Path.Combine(_directory.Path, "missing", "shopsync.db");

        var run = await ServerRun.UntilExitAsync(file, ExitBound);

        AssertOneLineFailure(run, Path.GetDirectoryName(file)!, "does not exist");
    }

    [Fact]
    public async Task Start_FileIsNotADatabase_OneLineNamingTheFile()
    {
        var file = _directory.File("junk.db");
        await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 % 251))]);

        var run = await ServerRun.UntilExitAsync(file, ExitBound);

        AssertOneLineFailure(run, file, "not a ShopSync database");
    }

    [Fact]
    public async Task Start_MalformedDatabase_OneLineNamingTheFile()
    {
        var file = _directory.File("malformed.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(a TEXT); INSERT INTO t SELECT hex(randomblob(100)) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3);";
            await command.ExecuteNonQueryAsync();
        }

        // The header stays valid; the schema page behind it is overwritten.
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 100;
            await stream.WriteAsync(Enumerable.Repeat((byte)0xA5, 3996).ToArray());
        }

        var run = await ServerRun.UntilExitAsync(file, ExitBound);

        AssertOneLineFailure(run, file, "malformed");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_DatabaseFolderReadOnly_OneLineNamingTheFolder()
    {
        var folder = Directory.CreateDirectory(_directory.File("read-only")).FullName;
        MakeReadOnly(folder);
        try
        {
            var run = await ServerRun.UntilExitAsync(Path.Combine(folder, "shopsync.db"), ExitBound);

            AssertOneLineFailure(run, folder, "not writable");
        }
        finally
        {
            MakeWritable(folder);
        }
    }

    [Fact]
    public async Task Start_StaleMigrationLockRowOfADeadProcess_IsClearedAndTheServerServes()
    {
        var file = _directory.File("shopsync.db");
        await using (var first = await RealServer.StartAsync(file))
        {
            await first.StopAsync();
        }

        // What a kill -9 during start-up leaves behind: EF Core's lock row, with no process holding it.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
                "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '" + DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "');";
            await command.ExecuteNonQueryAsync();
        }

        await using var second = await RealServer.StartAsync(file);

        Assert.Contains("Cleared a stale EF Core migration lock", second.Output, StringComparison.Ordinal);
        await using var check = new SqliteConnection($"Data Source={file};Pooling=False");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM \"__EFMigrationsLock\";";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static void AssertOneLineFailure(ServerRun run, string names, string cause)
    {
        var all = run.Out + run.Error;
        Assert.True(run.ExitCode != 0, $"exit code 0:\n{all}");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("shopsync-server: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(names, line, StringComparison.Ordinal);
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    /// <summary>Read-only for everyone; for root, whom permissions do not stop, also immutable (chattr +i).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeReadOnly(string folder)
    {
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var probe = Path.Combine(folder, "probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        Chattr("+i", folder);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(string folder)
    {
        if (Environment.UserName == "root")
        {
            Chattr("-i", folder);
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void Chattr(string flag, string folder)
    {
        using var chattr = System.Diagnostics.Process.Start(new ProcessStartInfo("chattr", [flag, folder]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag} {folder} failed: {chattr.StandardError.ReadToEnd()}");
    }
}
