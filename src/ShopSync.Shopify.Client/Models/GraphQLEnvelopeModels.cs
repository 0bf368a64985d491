using System.Text.Json.Serialization;

namespace ShopSync.Shopify.Client;

// Small wire records of the GraphQL envelope, grouped in one file because each is a few lines.

/// <summary><c>extensions.cost.throttleStatus</c> of a response.</summary>
public sealed record ShopifyThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

/// <summary><c>extensions.cost</c> of a response; <see cref="ActualQueryCost"/> is null when throttled.</summary>
public sealed record ShopifyQueryCost(int RequestedQueryCost, int? ActualQueryCost, ShopifyThrottleStatus? ThrottleStatus);

/// <summary>A top-level GraphQL error (<c>errors[]</c>).</summary>
public sealed record ShopifyGraphQLError(string Message, ShopifyGraphQLErrorExtensions? Extensions = null)
{
    /// <summary><c>extensions.code</c>, e.g. THROTTLED, MAX_COST_EXCEEDED, ACCESS_DENIED.</summary>
    public string? Code => Extensions?.Code;
}

/// <summary><c>errors[].extensions</c>.</summary>
public sealed record ShopifyGraphQLErrorExtensions(string? Code, string? Documentation = null);

/// <summary>A mutation's <c>userErrors[]</c> entry: a problem with one input record, not with the request.</summary>
/// <param name="Field">Path to the input field, e.g. <c>["input","quantities","2","locationId"]</c>.</param>
/// <param name="Message">Shopify's message.</param>
/// <param name="Code">Error code when the payload has one.</param>
public sealed record ShopifyUserError(IReadOnlyList<string>? Field, string Message, string? Code = null);

/// <summary>Shopify <c>MoneyV2</c>.</summary>
public sealed record ShopifyMoney(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] decimal Amount,
    string CurrencyCode);

/// <summary>Shopify <c>MoneyBag</c> (only the shop currency is read).</summary>
public sealed record ShopifyMoneyBag(ShopifyMoney ShopMoney);

/// <summary>Relay <c>pageInfo</c>.</summary>
public sealed record ShopifyPageInfo(bool HasNextPage, string? EndCursor);

/// <summary>A connection read through <c>nodes</c>.</summary>
public sealed record ShopifyConnection<T>(IReadOnlyList<T> Nodes, ShopifyPageInfo PageInfo);

/// <summary>A reference to an object by id only.</summary>
public sealed record ShopifyRef(string Id);
