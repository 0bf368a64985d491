using Microsoft.Data.Sqlite;

namespace ShopSync.Server.Access.Keys;

/// <summary>The API key table's migrations, applied in order; <c>access_schema</c> holds the version reached.</summary>
internal static class ApiKeyMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE access_api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            shops TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            expires_at INTEGER NULL,
            revoked_at INTEGER NULL,
            last_used_at INTEGER NULL);
        CREATE UNIQUE INDEX ix_access_api_keys_active_name ON access_api_keys (name) WHERE revoked_at IS NULL;
        """,
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS access_schema (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        long version;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT coalesce(max(version), 0) FROM access_schema";
            version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }
        for (var step = (int)version; step < Steps.Length; step++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[step] + $"; INSERT INTO access_schema (version) VALUES ({step + 1});";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
