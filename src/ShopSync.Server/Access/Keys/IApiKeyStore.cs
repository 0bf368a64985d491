namespace ShopSync.Server.Access.Keys;

/// <summary>Where API keys live: the server's database (SQLite today; a PostgreSQL driver implements the same seam).</summary>
internal interface IApiKeyStore
{
    /// <summary>Creates or upgrades the store's tables (its own migrations).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds a key; <see cref="ApiKeyNameTakenException"/> when a key that is not revoked has the name.</summary>
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(bool includeRevoked, CancellationToken cancellationToken);

    /// <summary>Revokes the key with this id, or else the unrevoked key with this name; null when there is none.</summary>
    Task<ApiKeyRecord?> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records when keys were last used.</summary>
    Task RecordUseAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken);
}
