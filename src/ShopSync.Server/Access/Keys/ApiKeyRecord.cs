namespace ShopSync.Server.Access.Keys;

/// <summary>A stored API key: everything but its secret, of which only the SHA-256 hash is kept.</summary>
internal sealed record ApiKeyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }

    /// <summary>Empty = every shop.</summary>
    public IReadOnlyList<string> Shops { get; init; } = [];

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}
