using System.Globalization;

namespace ShopSync.Connector.Sync;

/// <summary>Shopify's enum values (PARTIALLY_PAID) as the ERP shows them (Partially Paid), and order numbers without '#'.</summary>
internal static class ShopifyStatusNames
{
    public static readonly string[] FinancialStatuses =
        ["Pending", "Authorized", "Partially Paid", "Paid", "Partially Refunded", "Refunded", "Voided", "Expired"];

    public static readonly string[] FulfillmentStatuses =
        ["Unfulfilled", "Partially Fulfilled", "Fulfilled", "In Progress", "On Hold", "Open", "Pending Fulfillment", "Restocked", "Scheduled"];

    /// <summary>PARTIALLY_PAID → Partially Paid.</summary>
    public static string Display(string? shopifyValue)
    {
        if (string.IsNullOrEmpty(shopifyValue))
        {
            return "";
        }
        var words = shopifyValue.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant()));
        return string.Join(' ', words);
    }

    /// <summary>Partially Paid → partially_paid (Shopify search syntax).</summary>
    public static string ToSearchValue(string display) => display.Replace(' ', '_').ToLowerInvariant();

    /// <summary>#1001 → 1001.</summary>
    public static string OrderNo(string name) => name.TrimStart('#');
}
