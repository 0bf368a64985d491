namespace ShopSync.Connector.Erp;

/// <summary>Bad input to the ERP book; <see cref="Field"/> names it as the contract does.</summary>
public sealed class ErpValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
