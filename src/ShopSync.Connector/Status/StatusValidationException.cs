namespace ShopSync.Connector.Status;

/// <summary>A status request with a bad field (mapped to INVALID_ARGUMENT naming the field).</summary>
public sealed class StatusValidationException(string field, string message) : Exception($"{field}: {message}")
{
    /// <summary>The request field at fault.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = message;
}
