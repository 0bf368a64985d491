using Npgsql;

namespace ShopSync.Storage.Postgres.Migrations;

/// <summary>
/// Applies <see cref="QueueSchema"/> (and every other module's PostgreSQL migrations, each with its own history table)
/// under a session advisory lock, so several nodes starting at once migrate once: the first takes the lock and
/// migrates, the others wait for it, then find every version applied.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key of the queue's migrations (any fixed 64-bit number; "ShopSync" in ASCII).</summary>
    public const long LockKey = 0x53686F7053796E63;

    /// <summary>Applies the queue's missing migrations; returns how many were applied by this call.</summary>
    public static Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        MigrateAsync(dataSource, "__queue_migrations", QueueSchema.Migrations, cancellationToken);

    /// <summary>
    /// Applies the missing <paramref name="migrations"/> recorded in <paramref name="historyTable"/> (one per module,
    /// e.g. <c>__schedule_migrations</c>); returns how many were applied by this call.
    /// </summary>
    public static async Task<int> MigrateAsync(
        NpgsqlDataSource dataSource,
        string historyTable,
        IReadOnlyList<(int Version, string Name, string Sql)> migrations,
        CancellationToken cancellationToken)
    {
        var historySql = $"CREATE TABLE IF NOT EXISTS {historyTable} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, historySql, cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var command = new NpgsqlCommand($"SELECT version FROM {historyTable}", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var count = 0;
            foreach (var (version, name, sql) in migrations)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand($"INSERT INTO {historyTable} (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = version });
                    record.Parameters.Add(new NpgsqlParameter { Value = name });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            return count;
        }
        finally
        {
            // Released explicitly: the pooled connection outlives this call.
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
