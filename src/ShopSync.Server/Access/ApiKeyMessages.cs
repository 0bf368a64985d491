using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access.Keys;

namespace ShopSync.Server.Access;

/// <summary>API keys as messages (never with their hash).</summary>
internal static class ApiKeyMessages
{
    public static ApiKeyInfo ToMessage(ApiKeyRecord key)
    {
        var info = new ApiKeyInfo
        {
            Id = key.Id,
            Name = key.Name,
            Role = key.Role,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            CreatedBy = key.CreatedBy,
            ExpiresAt = key.ExpiresAt is { } e ? Timestamp.FromDateTimeOffset(e) : null,
            RevokedAt = key.RevokedAt is { } r ? Timestamp.FromDateTimeOffset(r) : null,
            LastUsedAt = key.LastUsedAt is { } u ? Timestamp.FromDateTimeOffset(u) : null,
        };
        info.Shops.AddRange(key.Shops);
        return info;
    }
}
