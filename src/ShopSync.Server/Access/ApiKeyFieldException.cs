namespace ShopSync.Server.Access;

/// <summary>A field of a key to create is invalid (<see cref="Field"/> as in CreateApiKeyRequest).</summary>
internal sealed class ApiKeyFieldException(string field, string description) : Exception($"{field}: {description}")
{
    public string Field { get; } = field;

    public string Description { get; } = description;
}
