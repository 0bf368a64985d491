using System.Text.Json.Serialization.Metadata;

namespace ShopSync.Shopify.Client;

/// <summary>
/// A named GraphQL operation ShopSync sends: its document (a constant), how to read its <c>data</c>,
/// and whether it is a mutation (read from the document, so it cannot disagree with what is sent).
/// </summary>
/// <typeparam name="TData">The record the <c>data</c> object deserializes into.</typeparam>
/// <param name="Name">Operation name; must equal the name in <paramref name="Document"/>.</param>
/// <param name="Document">The GraphQL document.</param>
/// <param name="DataType">Source-generated JSON metadata of <typeparamref name="TData"/>.</param>
/// <param name="EstimatedCost">Cost to reserve before the store has reported the real one; null = default.</param>
public sealed record ShopifyOperation<TData>(string Name, string Document, JsonTypeInfo<TData> DataType, int? EstimatedCost = null)
{
    /// <summary>True when the document is a mutation (refused in read-only mode).</summary>
    public bool IsMutation { get; } = Document.TrimStart().StartsWith("mutation", StringComparison.Ordinal);
}
