namespace ShopSync.Shopify.Client;

/// <summary>
/// One page of a connection. Save <see cref="EndCursor"/> as the checkpoint once the page's records are
/// stored; passing it back as the start cursor resumes after this page.
/// </summary>
/// <param name="Number">1-based page number within this enumeration.</param>
/// <param name="Items">The page's records.</param>
/// <param name="StartAfter">The cursor this page was read after (null for the first page).</param>
/// <param name="EndCursor">The cursor of the page's last record (null when the page is empty).</param>
/// <param name="HasNextPage">Whether more pages follow.</param>
public sealed record ShopifyPage<T>(int Number, IReadOnlyList<T> Items, string? StartAfter, string? EndCursor, bool HasNextPage);
