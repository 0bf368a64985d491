namespace ShopSync.Shopify.Client;

/// <summary>How to read a connection.</summary>
/// <param name="PageSize">Records per page (1..250); 0 = the operation's default.</param>
/// <param name="After">Resume after this cursor (a saved <see cref="ShopifyPage{T}.EndCursor"/>).</param>
/// <param name="Query">Shopify search syntax filter, e.g. <c>updated_at:&gt;'2024-01-01T00:00:00Z'</c>.</param>
public sealed record ShopifyPageRequest(int PageSize = 0, string? After = null, string? Query = null)
{
    /// <summary>Shopify's maximum page size.</summary>
    public const int MaxPageSize = 250;

    internal int ResolvePageSize(int defaultSize)
    {
        var size = PageSize == 0 ? defaultSize : PageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "ShopifyPageRequest.PageSize must be 1..250.");
        }

        return size;
    }

    /// <summary>The incremental filter Shopify expects: <c>updated_at:&gt;'{ISO-8601 UTC}'</c>.</summary>
    public static string UpdatedAfter(DateTimeOffset watermark) =>
        $"updated_at:>'{watermark.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}'";
}
