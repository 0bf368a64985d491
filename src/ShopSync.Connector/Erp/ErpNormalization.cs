namespace ShopSync.Connector.Erp;

/// <summary>Keys for mapping by e-mail or phone: e-mails compare case-insensitively, phones by their digits.</summary>
internal static class ErpNormalization
{
    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
