namespace ShopSync.Connector.Erp;

/// <summary>A document the request names does not exist.</summary>
public sealed class ErpNotFoundException(string kind, string key, string message) : Exception(message)
{
    public string Kind { get; } = kind;
    public string Key { get; } = key;
}
