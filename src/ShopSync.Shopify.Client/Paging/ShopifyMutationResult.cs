namespace ShopSync.Shopify.Client;

/// <summary>The result of a single-record mutation: the saved value, or the userErrors that prevented it.</summary>
public sealed record ShopifyMutationResult<T>(T? Value, IReadOnlyList<ShopifyUserError> UserErrors)
{
    /// <summary>True when Shopify reported no userErrors.</summary>
    public bool Succeeded => UserErrors.Count == 0;
}
