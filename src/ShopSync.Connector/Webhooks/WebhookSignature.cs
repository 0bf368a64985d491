using System.Security.Cryptography;
using System.Text;

namespace ShopSync.Connector.Webhooks;

/// <summary>
/// Shopify signs each webhook with HMAC-SHA256 of the raw body, keyed by the app's secret, in
/// <c>X-Shopify-Hmac-Sha256</c> (base64). The comparison is constant-time.
/// </summary>
public static class WebhookSignature
{
    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }
        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(header.Trim(), given, out var written) || written != 32)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
