using Npgsql;
using ShopSync.Storage;

namespace ShopSync.Server.Access.Keys;

/// <summary>
/// API keys in the job queue's PostgreSQL database (<c>access_api_keys</c>, own migrations history
/// <c>__access_migrations</c>, applied under the storage's advisory lock), so a key created through one node
/// authenticates on every node. The server owns this table as it owns the SQLite one; times are timestamptz.
/// </summary>
internal sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    public const string HistoryTable = "__access_migrations";

    private const string Columns = "id, name, role, shops, key_hash, created_at, created_by, expires_at, revoked_at, last_used_at";

    private const string ActiveNameIndex = "ix_access_api_keys_active_name";

    private static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "access_api_keys", """
            CREATE TABLE access_api_keys (
                id text PRIMARY KEY,
                name text NOT NULL,
                role text NOT NULL,
                shops text NOT NULL,
                key_hash text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL,
                expires_at timestamptz NULL,
                revoked_at timestamptz NULL,
                last_used_at timestamptz NULL
            );
            CREATE UNIQUE INDEX ix_access_api_keys_active_name ON access_api_keys (name) WHERE revoked_at IS NULL;
            """),
    ];

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        dataSource.MigratePostgresAsync(HistoryTable, Migrations, cancellationToken);

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO access_api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)");
        Bind(command, key.Id, key.Name, key.Role, string.Join(',', key.Shops), key.Hash, key.CreatedAt.ToUniversalTime(), key.CreatedBy,
            key.ExpiresAt?.ToUniversalTime());
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == ActiveNameIndex)
        {
            throw new ApiKeyNameTakenException(key.Name);
        }
    }

    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(Select("WHERE key_hash = $1"), hash, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(bool includeRevoked, CancellationToken cancellationToken) =>
        QueryAsync(Select(includeRevoked ? "WHERE $1 = '' ORDER BY created_at, id" : "WHERE revoked_at IS NULL AND $1 = '' ORDER BY created_at, id"), "", cancellationToken);

    /// <summary>
    /// One statement, so revokes on two nodes at once agree: the first sets the time, a later one (or one of an already
    /// revoked key's id) returns the key with the time it was revoked at.
    /// </summary>
    public async Task<ApiKeyRecord?> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            "UPDATE access_api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = (SELECT id FROM access_api_keys " +
            $"WHERE id = $1 OR (name = $1 AND revoked_at IS NULL) ORDER BY id = $1 DESC LIMIT 1) RETURNING {Columns}",
            idOrName, cancellationToken, at.ToUniversalTime());
        return found.Count == 0 ? null : found[0];
    }

    public async Task RecordUseAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken)
    {
        if (lastUsed.Count == 0)
        {
            return;
        }
        // One statement for the batch; GREATEST skips a NULL, so a node's older report never moves the time back.
        await using var command = dataSource.CreateCommand(
            "UPDATE access_api_keys k SET last_used_at = GREATEST(k.last_used_at, u.at) FROM unnest($1::text[], $2::timestamptz[]) AS u(id, at) WHERE k.id = u.id");
        Bind(command, lastUsed.Keys.ToArray(), lastUsed.Values.Select(v => v.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Select(string where) => $"SELECT {Columns} FROM access_api_keys {where}";

    private async Task<IReadOnlyList<ApiKeyRecord>> QueryAsync(string sql, string parameter, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        Bind(command, at is { } time ? [parameter, time] : [parameter]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyRecord
            {
                Id = reader.GetString(0),
                Name = reader.GetString(1),
                Role = reader.GetString(2),
                Shops = reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
                Hash = reader.GetString(4),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
                CreatedBy = reader.GetString(6),
                ExpiresAt = Time(reader, 7),
                RevokedAt = Time(reader, 8),
                LastUsedAt = Time(reader, 9),
            });
        }
        return keys;
    }

    private static void Bind(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
