namespace ShopSync.Shopify.Client;

/// <summary>Shopify Payments documents (Sync Payments 30105, Sync Disputes 30120).</summary>
public static class ShopifyPaymentOperations
{
    private const string Money = "amount currencyCode";

    /// <summary>Payouts page.</summary>
    public static readonly ShopifyOperation<PayoutsData> Payouts = new(
        "ShopSyncPayouts",
        $$"""
        query ShopSyncPayouts($first: Int!, $after: String) {
          shopifyPaymentsAccount {
            payouts(first: $first, after: $after) {
              nodes {
                id legacyResourceId issuedAt status transactionType
                net { {{Money}} }
                summary { chargesGross { {{Money}} } chargesFee { {{Money}} } refundsFeeGross { {{Money}} } adjustmentsGross { {{Money}} } }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.PayoutsData);

    /// <summary>Balance transactions page.</summary>
    public static readonly ShopifyOperation<BalanceTransactionsData> BalanceTransactions = new(
        "ShopSyncBalanceTransactions",
        $$"""
        query ShopSyncBalanceTransactions($first: Int!, $after: String) {
          shopifyPaymentsAccount {
            balanceTransactions(first: $first, after: $after) {
              nodes {
                id type test transactionDate
                amount { {{Money}} } fee { {{Money}} } net { {{Money}} }
                sourceType sourceId sourceOrderTransactionId
                associatedOrder { id name }
                associatedPayout { id status }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.BalanceTransactionsData);

    /// <summary>Disputes page.</summary>
    public static readonly ShopifyOperation<DisputesData> Disputes = new(
        "ShopSyncDisputes",
        $$"""
        query ShopSyncDisputes($first: Int!, $after: String) {
          shopifyPaymentsAccount {
            disputes(first: $first, after: $after) {
              nodes {
                id legacyResourceId status type initiatedAt evidenceDueBy finalizedOn
                amount { {{Money}} }
                reasonDetails { reason networkReasonCode }
                order { id name }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.DisputesData);
}

/// <summary><c>data</c> of <see cref="ShopifyPaymentOperations.Payouts"/>.</summary>
public sealed record PayoutsData(PayoutsAccount? ShopifyPaymentsAccount);

/// <summary>Account part of <see cref="PayoutsData"/>.</summary>
public sealed record PayoutsAccount(ShopifyConnection<ShopifyPayout> Payouts);

/// <summary><c>data</c> of <see cref="ShopifyPaymentOperations.BalanceTransactions"/>.</summary>
public sealed record BalanceTransactionsData(BalanceTransactionsAccount? ShopifyPaymentsAccount);

/// <summary>Account part of <see cref="BalanceTransactionsData"/>.</summary>
public sealed record BalanceTransactionsAccount(ShopifyConnection<ShopifyBalanceTransaction> BalanceTransactions);

/// <summary><c>data</c> of <see cref="ShopifyPaymentOperations.Disputes"/>.</summary>
public sealed record DisputesData(DisputesAccount? ShopifyPaymentsAccount);

/// <summary>Account part of <see cref="DisputesData"/>.</summary>
public sealed record DisputesAccount(ShopifyConnection<ShopifyDispute> Disputes);
