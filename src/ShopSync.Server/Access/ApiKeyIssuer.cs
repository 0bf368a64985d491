using System.Text.RegularExpressions;
using ShopSync.Server.Access.Keys;

namespace ShopSync.Server.Access;

/// <summary>Validates and creates API keys, for the API (<c>CreateApiKey</c>) and the bootstrap (<c>shopsync-server keys create</c>).</summary>
internal static partial class ApiKeyIssuer
{
    /// <summary>Validates the fields (<see cref="ApiKeyFieldException"/>) and stores a new key; returns it and its secret.</summary>
    public static async Task<(ApiKeyRecord Key, string Secret)> CreateAsync(
        IApiKeyStore store, string name, string role, IEnumerable<string> shops, DateTimeOffset? expiresAt, string createdBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (!NamePattern().IsMatch(name))
        {
            throw new ApiKeyFieldException("name", "must be 1–64 letters, digits, '.', '_' or '-'");
        }
        var parsedRole = Roles.Parse(role) ?? throw new ApiKeyFieldException("role", $"must be one of {string.Join(", ", Roles.All)}");
        var shopList = shops.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (shopList.Any(s => s.Contains(',', StringComparison.Ordinal)))
        {
            throw new ApiKeyFieldException("shops", "a shop code has no ','");
        }
        if (expiresAt is { } expires && expires <= now)
        {
            throw new ApiKeyFieldException("expires_at", "must lie in the future");
        }
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKeyRecord
        {
            Id = ApiKeySecrets.NewId(),
            Name = name,
            Role = parsedRole,
            Shops = shopList,
            Hash = ApiKeySecrets.Hash(secret),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
        };
        await store.AddAsync(key, cancellationToken);
        return (key, secret);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
