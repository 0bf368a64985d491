using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// A private PostgreSQL cluster for `engine --store postgres`: scripts/postgres.sh with SHOPSYNC_PG_DURABLE=1 (it
/// installs Debian's postgresql when no server is found), so fsync and synchronous_commit are on, PostgreSQL's
/// defaults. Each node connects as its own role, so pg_stat_statements (loaded when the server has it) counts every
/// node's statements apart; without it the idle count falls back to the database's transaction counters.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;
    private readonly string _admin;

    private BenchPostgres(string script, string directory, string admin, bool statements)
    {
        _script = script;
        _directory = directory;
        _admin = admin;
        HasStatements = statements;
    }

    /// <summary>pg_stat_statements is loaded: idle counts are statements per node role.</summary>
    public bool HasStatements { get; }

    public static async Task<BenchPostgres> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repositoryRoot, "scripts", "postgres.sh");
        var (code, output) = await RunAsync(script, ["start"], cancellationToken);
        string? Export(string name) => output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith($"export {name}='", StringComparison.Ordinal))
            .Select(l => l[($"export {name}='".Length)..^1])
            .FirstOrDefault();
        if (code != 0 || Export("SHOPSYNC_TEST_POSTGRES") is not { } admin || Export("SHOPSYNC_TEST_POSTGRES_DIR") is not { } directory)
        {
            throw new InvalidOperationException($"scripts/postgres.sh start failed (exit {code}): {output}");
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        var libraries = await ScalarAsync(connection, "SHOW shared_preload_libraries", cancellationToken);
        var cluster = new BenchPostgres(script, directory, admin, libraries.Contains("pg_stat_statements", StringComparison.Ordinal));
        Console.Error.WriteLine(
            $"postgres: {await ScalarAsync(connection, "SHOW server_version", cancellationToken)} in {directory}, " +
            $"synchronous_commit={await ScalarAsync(connection, "SHOW synchronous_commit", cancellationToken)}, " +
            $"fsync={await ScalarAsync(connection, "SHOW fsync", cancellationToken)}, " +
            $"idle count by {(cluster.HasStatements ? "pg_stat_statements (statements per node role)" : "pg_stat_database (transactions of all nodes / N)")}");
        return cluster;
    }

    /// <summary>A new database and one login role per node; the connection string of each node, in order.</summary>
    public async Task<IReadOnlyList<string>> CreateDatabaseAsync(string name, int nodes, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"CREATE DATABASE {name}", cancellationToken);
            for (var i = 1; i <= nodes; i++)
            {
                await ExecuteAsync(connection, $"DO $$ BEGIN CREATE ROLE {Role(i)} LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$", cancellationToken);
            }
        }

        if (HasStatements)
        {
            await using var connection = new NpgsqlConnection(Database(name));
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
        }

        return [.. Enumerable.Range(1, nodes).Select(i => new NpgsqlConnectionStringBuilder(Database(name)) { Username = Role(i) }.ConnectionString)];
    }

    /// <summary>
    /// Statements each node ran so far in the database (pg_stat_statements, by role), or, without it, the database's
    /// committed and rolled-back transactions split evenly over the nodes.
    /// </summary>
    public async Task<long[]> CountsAsync(string name, int nodes, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Database(name));
        await connection.OpenAsync(cancellationToken);
        var counts = new long[nodes];
        if (HasStatements)
        {
            await using var command = new NpgsqlCommand(
                "SELECT r.rolname, SUM(s.calls)::bigint FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid " +
                "WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY r.rolname", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 1; i <= nodes; i++)
                {
                    counts[i - 1] += reader.GetString(0) == Role(i) ? reader.GetInt64(1) : 0;
                }
            }

            return counts;
        }

        await ExecuteAsync(connection, "SELECT pg_stat_clear_snapshot()", cancellationToken);
        var total = long.Parse(
            await ScalarAsync(connection, "SELECT (xact_commit + xact_rollback)::text FROM pg_stat_database WHERE datname = current_database()", cancellationToken),
            CultureInfo.InvariantCulture);
        Array.Fill(counts, total / nodes);
        return counts;
    }

    /// <summary>
    /// What each statement of the node roles cost in the database since the last reset (pg_stat_statements only):
    /// calls, execution and planning ms, WAL records and bytes; the dearest first, or with
    /// <paramref name="mostCalledFirst"/> the most called. A trigger's statements are counted in the statement that fired it.
    /// </summary>
    public async Task<IReadOnlyList<StatementCost>> StatementCostsAsync(string name, int limit, bool mostCalledFirst, CancellationToken cancellationToken)
    {
        if (!HasStatements)
        {
            return [];
        }

        await using var connection = new NpgsqlConnection(Database(name));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT SUM(s.calls)::bigint, SUM(s.total_exec_time)::float8, SUM(s.total_plan_time)::float8, SUM(s.wal_records)::bigint, " +
            "SUM(s.wal_bytes)::bigint, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid " +
            "WHERE r.rolname LIKE 'bench\\_node%' AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            $"GROUP BY 6 ORDER BY {(mostCalledFirst ? 1 : 2)} DESC LIMIT $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var costs = new List<StatementCost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            costs.Add(new StatementCost(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return costs;
    }

    /// <summary>Starts pg_stat_statements' counts again (pg_stat_statements only).</summary>
    public async Task ResetStatementsAsync(string name, CancellationToken cancellationToken)
    {
        if (HasStatements)
        {
            await using var connection = new NpgsqlConnection(Database(name));
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var (code, output) = await RunAsync(_script, ["stop", _directory], CancellationToken.None);
        if (code != 0)
        {
            Console.Error.WriteLine($"postgres: stop failed (exit {code}): {output}");
        }
    }

    private static string Role(int node) => "bench_node" + node.ToString(CultureInfo.InvariantCulture);

    private string Database(string name) => new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;

    private static async Task<(int Code, string Output)> RunAsync(string script, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["SHOPSYNC_PG_DURABLE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run " + script);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var log = await error;
        if (log.Length > 0)
        {
            Console.Error.Write(log);
        }

        return (process.ExitCode, output);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}

/// <summary>One statement's totals in pg_stat_statements.</summary>
internal sealed record StatementCost(long Calls, double ExecMs, double PlanMs, long WalRecords, long WalBytes, string Query);
