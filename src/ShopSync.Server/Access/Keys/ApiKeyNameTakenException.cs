namespace ShopSync.Server.Access.Keys;

/// <summary>A key that is not revoked already has this name.</summary>
internal sealed class ApiKeyNameTakenException(string name)
    : Exception($"An API key named '{name}' exists; revoke it first or choose another name.")
{
    public string Name { get; } = name;
}
