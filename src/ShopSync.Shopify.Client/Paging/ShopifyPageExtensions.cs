using System.Runtime.CompilerServices;

namespace ShopSync.Shopify.Client;

/// <summary>Helpers over page streams.</summary>
public static class ShopifyPageExtensions
{
    /// <summary>Flattens pages into records (use the pages themselves when checkpointing per page).</summary>
    public static async IAsyncEnumerable<T> ItemsAsync<T>(
        this IAsyncEnumerable<ShopifyPage<T>> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
