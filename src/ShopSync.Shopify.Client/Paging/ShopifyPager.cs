using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Client;

/// <summary>Walks a connection page by page (<c>first</c>/<c>after</c>, <c>pageInfo { hasNextPage endCursor }</c>).</summary>
internal static class ShopifyPager
{
    public static async IAsyncEnumerable<ShopifyPage<TNode>> PagesAsync<TData, TNode>(
        ShopifyGraphQLTransport transport,
        ShopifyShopConnection shop,
        ShopifyOperation<TData> operation,
        Func<string?, JsonObject> variablesFor,
        Func<TData, ShopifyConnection<TNode>?> select,
        string? startAfter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = startAfter;
        var number = 0;
        while (true)
        {
            var response = await transport.ExecuteAsync(shop, operation, variablesFor(after), cancellationToken).ConfigureAwait(false);
            var connection = select(response.Data);
            if (connection is null)
            {
                yield break;
            }

            number++;
            var end = connection.PageInfo.EndCursor;
            var hasNext = connection.PageInfo.HasNextPage && end is not null && end != after;
            yield return new ShopifyPage<TNode>(number, connection.Nodes, after, end, hasNext);
            if (!hasNext)
            {
                yield break;
            }

            after = end;
        }
    }
}
