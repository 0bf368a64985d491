using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Fulfillment refusals for tests and demos: holds "placed in Shopify" (the store then refuses the fulfillment
/// orders as real Shopify does), and refusals injected for one order or fulfillment order.
/// </summary>
public sealed partial class SandboxStore
{
    /// <summary>
    /// Simulates a hold placed in Shopify (fulfillmentOrderHold): the order's OPEN and IN_PROGRESS fulfillment orders
    /// become ON_HOLD, and fulfillmentCreate refuses them ("… has an unfulfillable status= on_hold.") until released.
    /// </summary>
    /// <returns>False when the order is unknown.</returns>
    public bool HoldFulfillmentOrders(string orderId) => ChangeFulfillmentOrders(orderId, (status, _) => status is "OPEN" or "IN_PROGRESS" ? "ON_HOLD" : status);

    /// <summary>Simulates releasing the holds (fulfillmentOrderReleaseHold): IN_PROGRESS when partly fulfilled, else OPEN.</summary>
    /// <returns>False when the order is unknown.</returns>
    public bool ReleaseFulfillmentOrders(string orderId) => ChangeFulfillmentOrders(orderId, (status, partlyFulfilled) =>
        status == "ON_HOLD" ? (partlyFulfilled ? "IN_PROGRESS" : "OPEN") : status);

    /// <summary>
    /// Makes fulfillmentCreate answer a userError (field <c>fulfillment</c>) with <paramref name="message"/> for every
    /// fulfillment of the order or fulfillment order <paramref name="id"/>, until <see cref="LiftFulfillmentRefusal"/>.
    /// Nothing changes in the store while refused, as in Shopify.
    /// </summary>
    public void RefuseFulfillments(string id, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        lock (sync)
        {
            data.FulfillmentRefusals[id] = message;
        }
    }

    /// <summary>Lifts a refusal set with <see cref="RefuseFulfillments"/>; false when none was set for <paramref name="id"/>.</summary>
    public bool LiftFulfillmentRefusal(string id)
    {
        lock (sync)
        {
            return data.FulfillmentRefusals.Remove(id);
        }
    }

    /// <summary>The statuses of the order's fulfillment orders (OPEN, IN_PROGRESS, ON_HOLD, CLOSED), by id.</summary>
    /// <returns>Empty when the order is unknown.</returns>
    public IReadOnlyDictionary<string, string> GetFulfillmentOrderStatuses(string orderId) => Read(d =>
    {
        var fulfillmentOrders = SandboxData.ById(d.Orders, orderId)?["fulfillmentOrders"]!.AsArray().OfType<JsonObject>() ?? [];
        return fulfillmentOrders.ToDictionary(f => Text(f["id"])!, f => Text(f["status"])!, StringComparer.Ordinal);
    });

    private bool ChangeFulfillmentOrders(string orderId, Func<string?, bool, string?> next)
    {
        lock (sync)
        {
            var order = SandboxData.ById(data.Orders, orderId);
            if (order is null)
            {
                return false;
            }

            foreach (var fulfillmentOrder in order["fulfillmentOrders"]!.AsArray().OfType<JsonObject>())
            {
                var lines = fulfillmentOrder["lineItems"]!.AsArray().OfType<JsonObject>().ToList();
                var partlyFulfilled = lines.Any(l => l["remainingQuantity"]!.GetValue<int>() < l["totalQuantity"]!.GetValue<int>());
                fulfillmentOrder["status"] = next(Text(fulfillmentOrder["status"]), partlyFulfilled);
            }

            return true;
        }
    }
}
