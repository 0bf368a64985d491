using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// fulfillmentCreate: reduces remaining quantities, closes fulfillment orders and updates the order's status. Refuses
/// like Shopify, with userErrors on field <c>fulfillment</c>: a fulfillment order that is not OPEN or IN_PROGRESS
/// ("Fulfillment order 800001 has an unfulfillable status= closed."), more than the remaining quantity ("Invalid
/// fulfillment order line item quantity requested."), and the refusals a test injected for the order or fulfillment order.
/// </summary>
internal static partial class SandboxMutations
{
    private static object FulfillmentCreate(SandboxMutationContext context)
    {
        var input = context.ObjectArgument("fulfillment");
        var planned = new List<(JsonObject FulfillmentOrder, JsonObject Line, int Quantity)>();
        JsonObject? order = null;
        foreach (var (index, group) in SandboxMutationContext.Items(input["lineItemsByFulfillmentOrder"]))
        {
            var id = SandboxMutationContext.Text(group["fulfillmentOrderId"]);
            var owner = context.Data.Orders.FirstOrDefault(o => SandboxData.ById(o["fulfillmentOrders"]!.AsArray().OfType<JsonObject>(), id) is not null);
            var fulfillmentOrder = owner is null ? null : SandboxData.ById(owner["fulfillmentOrders"]!.AsArray().OfType<JsonObject>(), id);
            if (owner is null || fulfillmentOrder is null)
            {
                context.Error("Fulfillment order does not exist.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderId");
                continue;
            }

            if (order is not null && order != owner)
            {
                context.Error("All fulfillment orders must belong to the same order.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderId");
                continue;
            }

            order = owner;
            var fulfillmentOrderId = fulfillmentOrder["id"]!.GetValue<string>();
            if (Refusal(context, owner, fulfillmentOrderId) is { } refusal)
            {
                context.Error(refusal, null, "fulfillment");
                continue;
            }

            var status = SandboxMutationContext.Text(fulfillmentOrder["status"]);
            if (status is not ("OPEN" or "IN_PROGRESS"))
            {
                context.Error($"Fulfillment order {fulfillmentOrderId[(fulfillmentOrderId.LastIndexOf('/') + 1)..]} has an unfulfillable status= {status?.ToLowerInvariant()}.", null, "fulfillment");
                continue;
            }

            var lines = fulfillmentOrder["lineItems"]!.AsArray().OfType<JsonObject>().ToList();
            if (group["fulfillmentOrderLineItems"] is not JsonArray { Count: > 0 } requested)
            {
                planned.AddRange(lines.Where(l => l["remainingQuantity"]!.GetValue<int>() > 0).Select(l => (fulfillmentOrder, l, l["remainingQuantity"]!.GetValue<int>())));
                continue;
            }

            foreach (var (lineIndex, lineInput) in SandboxMutationContext.Items(requested))
            {
                var line = SandboxData.ById(lines, SandboxMutationContext.Text(lineInput["id"]));
                var quantity = SandboxMutationContext.Int(lineInput["quantity"]) ?? 0;
                if (line is null)
                {
                    context.Error("Fulfillment order line item does not exist.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderLineItems", lineIndex, "id");
                }
                else if (quantity < 1 || quantity > line["remainingQuantity"]!.GetValue<int>())
                {
                    context.Error("Invalid fulfillment order line item quantity requested.", null, "fulfillment");
                }
                else
                {
                    planned.Add((fulfillmentOrder, line, quantity));
                }
            }
        }

        if (order is not null && planned.Count == 0 && context.UserErrors.Count == 0)
        {
            context.Error("There is nothing left to fulfill.", null, "fulfillment", "lineItemsByFulfillmentOrder");
        }

        if (context.UserErrors.Count > 0 || order is null)
        {
            return context.Payload(values: ("fulfillment", null));
        }

        foreach (var (fulfillmentOrder, line, quantity) in planned)
        {
            line["remainingQuantity"] = line["remainingQuantity"]!.GetValue<int>() - quantity;
            var open = fulfillmentOrder["lineItems"]!.AsArray().OfType<JsonObject>().Any(l => l["remainingQuantity"]!.GetValue<int>() > 0);
            fulfillmentOrder["status"] = open ? "IN_PROGRESS" : "CLOSED";
        }

        var allLines = order["fulfillmentOrders"]!.AsArray().OfType<JsonObject>().SelectMany(f => f["lineItems"]!.AsArray().OfType<JsonObject>()).ToList();
        order["displayFulfillmentStatus"] = allLines.All(l => l["remainingQuantity"]!.GetValue<int>() == 0) ? "FULFILLED" : "PARTIALLY_FULFILLED";
        order["updatedAt"] = context.NowText;

        var tracking = input["trackingInfo"] as JsonObject;
        var fulfillment = new JsonObject
        {
            ["id"] = context.Data.NewId("Fulfillment"),
            ["status"] = "SUCCESS",
            ["createdAt"] = context.NowText,
            ["trackingInfo"] = tracking is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["company"] = SandboxMutationContext.Text(tracking["company"]),
                ["number"] = SandboxMutationContext.Text(tracking["number"]),
                ["url"] = SandboxMutationContext.Text(tracking["url"]),
            }),
            ["orderId"] = order["id"]!.GetValue<string>(),
            ["message"] = SandboxMutationContext.Text(context.Argument("message")),
            ["lines"] = new JsonArray(planned.Select(p => (JsonNode)new JsonObject
            {
                ["fulfillmentOrderLineItemId"] = p.Line["id"]!.GetValue<string>(),
                ["quantity"] = p.Quantity,
            }).ToArray()),
        };
        context.Data.Fulfillments.Add(fulfillment);
        return context.Payload(values: ("fulfillment", fulfillment));
    }

    private static string? Refusal(SandboxMutationContext context, JsonObject order, string fulfillmentOrderId) =>
        context.Data.FulfillmentRefusals.GetValueOrDefault(fulfillmentOrderId)
        ?? context.Data.FulfillmentRefusals.GetValueOrDefault(order["id"]!.GetValue<string>());
}
