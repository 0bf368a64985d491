using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Server.Telemetry;

/// <summary>
/// Meter <c>ShopSync.Connector</c>: Shopify Admin API calls (from the call records the client writes anyway), each
/// store's modelled cost budget, and webhook deliveries by outcome. Attribute <c>shopsync.shop</c> is a shop code the
/// connector knows (a webhook for an unknown shop carries none: a URL is no bound on cardinality).
/// </summary>
internal sealed class ConnectorMetrics : IDisposable
{
    public const string MeterName = "ShopSync.Connector";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _costUsed;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _webhooks;
    private readonly ConcurrentDictionary<string, Uri> _stores = new(StringComparer.Ordinal);

    public ConnectorMetrics(ShopifyRateLimitRegistry budgets, IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("shopsync.shopify.calls", "{call}", "Shopify Admin API calls, by operation and outcome.");
        _costUsed = _meter.CreateCounter<long>("shopsync.shopify.cost.used", "{point}", "Query cost points Shopify charged.");
        _throttled = _meter.CreateCounter<long>("shopsync.shopify.throttled", "{answer}", "THROTTLED answers (each was retried or ended the call).");
        _webhooks = _meter.CreateCounter<long>("shopsync.webhooks.received", "{delivery}", "Webhook deliveries, by outcome (duplicate = deduplicated).");
        _meter.CreateObservableGauge("shopsync.shopify.budget.available", () => Budgets(budgets), "{point}", "Cost points the store's bucket holds now (modelled).");
    }

    public void Call(ShopifyCallRecord record)
    {
        var shop = new KeyValuePair<string, object?>("shopsync.shop", record.ShopCode);
        _calls.Add(
            1,
            shop,
            new KeyValuePair<string, object?>("shopsync.shopify.operation", record.OperationName),
            new KeyValuePair<string, object?>("shopsync.outcome", record.Outcome.ToString()));
        if (record.ActualCost is > 0 and var cost)
        {
            _costUsed.Add(cost, shop);
        }

        if (record.ThrottledCount > 0)
        {
            _throttled.Add(record.ThrottledCount, shop);
        }

        if (!_stores.ContainsKey(record.ShopCode) && Uri.TryCreate(record.StoreUrl, UriKind.Absolute, out var url))
        {
            _stores[record.ShopCode] = url;
        }
    }

    public void Webhook(WebhookOutcomeKind outcome, string shopCode) =>
        _webhooks.Add(
            1,
            new KeyValuePair<string, object?>("shopsync.outcome", outcome.ToString()),
            new KeyValuePair<string, object?>("shopsync.shop", outcome is WebhookOutcomeKind.UnknownShop or WebhookOutcomeKind.TooLarge ? string.Empty : shopCode));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Budgets(ShopifyRateLimitRegistry budgets)
    {
        foreach (var (shop, url) in _stores)
        {
            if (budgets.GetSnapshot(url) is { } snapshot)
            {
                yield return new Measurement<double>(snapshot.CurrentlyAvailable, new KeyValuePair<string, object?>("shopsync.shop", shop));
            }
        }
    }
}
