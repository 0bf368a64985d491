using System.Diagnostics;
using Npgsql;

namespace ShopSync.Testing.Postgres;

/// <summary>
/// The tests' PostgreSQL: the cluster scripts/test.sh started (<c>SHOPSYNC_TEST_POSTGRES</c>, a connection string to
/// its maintenance database). Under <c>CI=true</c> a missing variable fails the test. Elsewhere (a plain
/// <c>dotnet test</c>) the first test that needs it starts a private cluster with scripts/postgres.sh, shared by
/// the whole test process and stopped when it exits.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SHOPSYNC_TEST_POSTGRES";

    private static readonly Lazy<string> Maintenance = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database with a unique name; returns its connection string.</summary>
    /// <param name="prefix">A readable part of the name (e.g. the test class).</param>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = ("t_" + new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray()) + "_" + Guid.NewGuid().ToString("N")[..10]);
        var builder = new NpgsqlConnectionStringBuilder(Maintenance.Value) { Pooling = false };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(Maintenance.Value) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(Maintenance.Value) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: under CI the PostgreSQL tests need the cluster scripts/test.sh starts (eval \"$(scripts/postgres.sh start)\").");
        }

        return StartPrivateCluster();
    }

    /// <summary>Runs <c>scripts/postgres.sh start</c> and reads the exports it prints; stops the cluster at process exit.</summary>
    private static string StartPrivateCluster()
    {
        var script = RepositoryPaths.Combine("scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh start failed ({process.ExitCode}): {stderr.Result}");
        }

        var exports = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Replace("export ", string.Empty, StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim('\''), StringComparer.Ordinal);
        var folder = exports["SHOPSYNC_TEST_POSTGRES_DIR"];
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            using var stop = Process.Start(new ProcessStartInfo("bash", [script, "stop", folder]));
            stop?.WaitForExit(30_000);
        };
        return exports[Variable];
    }
}
