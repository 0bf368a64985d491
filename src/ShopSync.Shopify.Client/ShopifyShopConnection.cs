using System.Text;

namespace ShopSync.Shopify.Client;

/// <summary>
/// Where and how to reach one Shopify store. The access token is deliberately left out of
/// <see cref="ToString"/> so that logging or formatting a connection never leaks it.
/// </summary>
/// <param name="ShopCode">The ShopSync shop code (used in logs and call records).</param>
/// <param name="BaseUrl">The store base URL, e.g. <c>https://demo.myshopify.com</c> or a sandbox URL
/// such as <c>http://127.0.0.1:5000/sandbox/demo</c>; <c>/admin/api/{version}/graphql.json</c> is appended.</param>
/// <param name="AccessToken">The Admin API access token sent as <c>X-Shopify-Access-Token</c>.</param>
/// <param name="AllowOutgoingRequests">False puts the shop in read-only mode: mutations are refused before sending.</param>
/// <param name="ApiVersion">Admin API version; null uses <see cref="ShopifyClientOptions.ApiVersion"/>.</param>
public sealed record ShopifyShopConnection(
    string ShopCode,
    Uri BaseUrl,
    string AccessToken,
    bool AllowOutgoingRequests = true,
    string? ApiVersion = null)
{
    /// <summary>The key of the shared rate-limit budget: one per store base URL.</summary>
    public string BudgetKey => BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/').ToUpperInvariant();

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ShopCode = ").Append(ShopCode)
            .Append(", BaseUrl = ").Append(BaseUrl)
            .Append(", AccessToken = ***, AllowOutgoingRequests = ").Append(AllowOutgoingRequests)
            .Append(", ApiVersion = ").Append(ApiVersion);
        return true;
    }
}
