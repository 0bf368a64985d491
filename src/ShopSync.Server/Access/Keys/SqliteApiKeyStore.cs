using Microsoft.Data.Sqlite;

namespace ShopSync.Server.Access.Keys;

/// <summary>
/// API keys in the server's SQLite file, in a table of their own (<c>access_api_keys</c>) with their own migrations
/// (<see cref="ApiKeyMigrations"/>, versions in <c>access_schema</c>). Times are Unix milliseconds.
/// </summary>
internal sealed class SqliteApiKeyStore(string connectionString) : IApiKeyStore
{
    private const string Columns = "id, name, role, shops, key_hash, created_at, created_by, expires_at, revoked_at, last_used_at";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ApiKeyMigrations.ApplyAsync(connection, cancellationToken);
    }

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO access_api_keys ({Columns}) VALUES ($id, $name, $role, $shops, $hash, $created, $by, $expires, NULL, NULL)";
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$name", key.Name);
        command.Parameters.AddWithValue("$role", key.Role);
        command.Parameters.AddWithValue("$shops", string.Join(',', key.Shops));
        command.Parameters.AddWithValue("$hash", key.Hash);
        command.Parameters.AddWithValue("$created", key.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$by", key.CreatedBy);
        command.Parameters.AddWithValue("$expires", (object?)key.ExpiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 2067 && e.Message.Contains(".name", StringComparison.Ordinal))
        {
            throw new ApiKeyNameTakenException(key.Name);
        }
    }

    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(Select("WHERE key_hash = $p"), hash, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(bool includeRevoked, CancellationToken cancellationToken) =>
        QueryAsync(Select(includeRevoked ? "WHERE $p IS NOT NULL ORDER BY created_at, id" : "WHERE revoked_at IS NULL AND $p IS NOT NULL ORDER BY created_at, id"), "", cancellationToken);

    /// <summary>
    /// One statement, so two revokes at once agree: the first sets the time, a later one (or one of an already revoked
    /// key's id) returns the key with the time it was revoked at.
    /// </summary>
    public async Task<ApiKeyRecord?> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            "UPDATE access_api_keys SET revoked_at = coalesce(revoked_at, $at) WHERE id = (SELECT id FROM access_api_keys " +
            $"WHERE id = $p OR (name = $p AND revoked_at IS NULL) ORDER BY id = $p DESC LIMIT 1) RETURNING {Columns}",
            idOrName, cancellationToken, at);
        return found.Count == 0 ? null : found[0];
    }

    public async Task RecordUseAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (id, at) in lastUsed)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE access_api_keys SET last_used_at = max(coalesce(last_used_at, 0), $at) WHERE id = $id";
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Select(string where) => $"SELECT {Columns} FROM access_api_keys {where}";

    private async Task<IReadOnlyList<ApiKeyRecord>> QueryAsync(string sql, string parameter, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        if (at is { } time)
        {
            command.Parameters.AddWithValue("$at", time.ToUnixTimeMilliseconds());
        }
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
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                CreatedBy = reader.GetString(6),
                ExpiresAt = Time(reader, 7),
                RevokedAt = Time(reader, 8),
                LastUsedAt = Time(reader, 9),
            });
        }
        return keys;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
