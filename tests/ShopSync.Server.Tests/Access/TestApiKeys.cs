using ShopSync.Server.Access.Keys;

namespace ShopSync.Server.Tests.Access;

/// <summary>An operator key record as the stores' tests add it (the hash is derived from the id).</summary>
internal static class TestApiKeys
{
    public static ApiKeyRecord Key(string id, string name, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Name = name,
        Role = "operator",
        Shops = ["demo"],
        Hash = "hash-" + id,
        CreatedAt = createdAt,
        CreatedBy = "test",
    };
}
