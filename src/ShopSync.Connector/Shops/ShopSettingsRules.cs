using System.Text.RegularExpressions;

namespace ShopSync.Connector.Shops;

/// <summary>
/// Checks and normalises shop settings. Field names in errors are the contract's (shop.proto), so a
/// client can point at the input that was wrong.
/// </summary>
internal static partial class ShopSettingsRules
{
    private const int MaxSecretLength = 512;

    public static string NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ShopValidationException("shop.code", "shop.code is required");
        }
        code = code.Trim();
        if (!CodePattern().IsMatch(code))
        {
            throw new ShopValidationException(
                "shop.code",
                $"shop.code \"{ShopSync.Queue.Entries.RequestLimits.Quote(code)}\" is invalid: use 1-20 letters, digits, '-' or '_', starting with a letter or digit");
        }
        return code;
    }

    /// <summary>
    /// Accepts a full base URL (any http/https URL, e.g. the sandbox store), a myshopify domain, or a
    /// bare store name, and returns the base URL without a trailing slash.
    /// </summary>
    public static Uri NormalizeShopifyUrl(string value)
    {
        var text = value.Trim().TrimEnd('/');
        if (text.Length == 0)
        {
            throw new ShopValidationException("shop.shopify_url", "shop.shopify_url is required");
        }
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = text.Contains('.', StringComparison.Ordinal) ? "https://" + text : $"https://{text}.myshopify.com";
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
            !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ShopValidationException(
                "shop.shopify_url",
                $"shop.shopify_url \"{ShopSync.Queue.Entries.RequestLimits.Quote(value)}\" is not a store: give https://<store>.myshopify.com, a store name, or a base URL without query");
        }
        return uri;
    }

    public static string NormalizeApiVersion(string value)
    {
        var text = value.Trim();
        if (text == "unstable" || ApiVersionPattern().IsMatch(text))
        {
            return text;
        }
        throw new ShopValidationException(
            "shop.api_version",
            $"shop.api_version \"{ShopSync.Queue.Entries.RequestLimits.Quote(value)}\" is invalid: use a quarterly release such as 2025-07 (months 01, 04, 07, 10) or \"unstable\"");
    }

    public static string NormalizeCategory(string value)
    {
        var text = value.Trim().ToUpperInvariant();
        if (!CategoryPattern().IsMatch(text))
        {
            throw new ShopValidationException(
                "shop.job_queue_category",
                $"shop.job_queue_category \"{Queue.Entries.RequestLimits.Quote(value)}\" is invalid: use 1-{Queue.Entries.JobDefaults.CategoryCodeMaxLength} letters, digits, '-' or '_'");
        }
        return text;
    }

    public static void CheckSecret(string field, string value)
    {
        if (value.Length > MaxSecretLength)
        {
            throw new ShopValidationException(field, $"{field} is longer than {MaxSecretLength} characters");
        }
        if (value.Any(char.IsControl))
        {
            throw new ShopValidationException(field, $"{field} contains control characters");
        }
    }

    public static void CheckEnum<T>(string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ShopValidationException(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}");
        }
    }

    /// <summary>Rules that span fields, checked on the settings as they will be stored.</summary>
    public static void CheckConsistency(CustomerMappingMode mapping, string? defaultCustomerNo)
    {
        if (mapping == CustomerMappingMode.DefaultCustomer && string.IsNullOrWhiteSpace(defaultCustomerNo))
        {
            throw new ShopValidationException(
                "shop.default_customer_no",
                "shop.default_customer_no is required when shop.customer_mapping is DEFAULT_CUSTOMER");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^20[0-9]{2}-(01|04|07|10)$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex("^[A-Z0-9_-]{1,10}$")]
    private static partial Regex CategoryPattern();
}
