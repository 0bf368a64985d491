namespace ShopSync.Connector.Shops;

/// <summary>A shop setting is invalid. <see cref="Field"/> names it as the contract does.</summary>
public sealed class ShopValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>No shop has the given code.</summary>
public sealed class ShopNotFoundException(string code) : Exception($"shop \"{ShopSync.Queue.Entries.RequestLimits.Quote(code)}\" does not exist")
{
    public string Code { get; } = code;
}

/// <summary>A shop with the given code exists already.</summary>
public sealed class ShopAlreadyExistsException(string code) : Exception($"shop \"{ShopSync.Queue.Entries.RequestLimits.Quote(code)}\" already exists")
{
    public string Code { get; } = code;
}
