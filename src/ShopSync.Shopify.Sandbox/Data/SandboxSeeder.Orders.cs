using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Orders: every financial × fulfillment state combination occurs in each run of 21 orders.</summary>
internal static partial class SandboxSeeder
{
    private static void SeedOrders(SandboxData data, SandboxOptions options, Random random)
    {
        var variants = data.Products.SelectMany(p => p["variants"]!.AsArray().OfType<JsonObject>()).ToList();
        for (var i = 0; i < options.Orders; i++)
        {
            var financial = SandboxNames.FinancialStates[i % 7];
            var fulfillment = SandboxNames.FulfillmentStates[(i / 7) % 3];
            var cancelled = i % 11 == 10;
            var channel = SandboxNames.Channels[i % SandboxNames.Channels.Length];
            var created = Epoch.AddMinutes(i * 47).AddSeconds(i % 60);
            var updated = created.AddMinutes(5 + random.Next(72 * 60));
            var guest = i % 15 == 14;
            var customer = data.Customers[random.Next(data.Customers.Count)];
            var first = customer["firstName"]!.GetValue<string>();
            var last = customer["lastName"]!.GetValue<string>();
            var shipping = Address(data, random, first, last, null);

            var lineCount = Math.Max(fulfillment == "PARTIALLY_FULFILLED" ? 2 : 1, 1 + random.Next(4));
            var lines = new JsonArray();
            var foLines = new JsonArray();
            decimal subtotal = 0;
            for (var l = 0; l < lineCount; l++)
            {
                var variant = variants[random.Next(variants.Count)];
                var quantity = 1 + random.Next(3);
                var price = decimal.Parse(variant["price"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                subtotal += price * quantity;
                var lineId = $"gid://shopify/LineItem/{700000 + (i * 5) + l + 1}";
                lines.Add(new JsonObject
                {
                    ["id"] = lineId,
                    ["name"] = $"{variant["product"]!["title"]!.GetValue<string>()} - {variant["title"]!.GetValue<string>()}",
                    ["sku"] = variant["sku"]!.GetValue<string>(),
                    ["quantity"] = quantity,
                    ["currentQuantity"] = financial == "REFUNDED" ? 0 : quantity,
                    ["variant"] = new JsonObject { ["id"] = variant["id"]!.GetValue<string>() },
                    ["product"] = new JsonObject { ["id"] = variant["product"]!["id"]!.GetValue<string>() },
                    ["originalUnitPriceSet"] = data.MoneyBag(price),
                    ["discountedTotalSet"] = data.MoneyBag(price * quantity),
                });
                var remaining = fulfillment switch
                {
                    "FULFILLED" => 0,
                    "UNFULFILLED" => quantity,
                    _ => l == 0 ? 0 : quantity,
                };
                foLines.Add(new JsonObject
                {
                    ["id"] = $"gid://shopify/FulfillmentOrderLineItem/{810000 + (i * 5) + l + 1}",
                    ["totalQuantity"] = quantity,
                    ["remainingQuantity"] = remaining,
                    ["lineItem"] = new JsonObject { ["id"] = lineId, ["sku"] = variant["sku"]!.GetValue<string>() },
                });
            }

            var shippingCost = subtotal > 100 ? 0m : 5m;
            var tax = Math.Round(subtotal * 0.1m, 2);
            var total = subtotal + shippingCost + tax;
            var outstanding = financial switch
            {
                "PARTIALLY_PAID" => Math.Round(total / 2, 2),
                "PENDING" or "AUTHORIZED" => total,
                _ => 0m,
            };
            var location = data.Locations[i % data.Locations.Count];
            var risk = i % 9 == 0 ? ("CANCEL", "HIGH") : i % 5 == 0 ? ("INVESTIGATE", "MEDIUM") : ("ACCEPT", "LOW");
            var tags = new JsonArray();
            if (i % 3 == 0)
            {
                tags.Add(SandboxNames.Tags[i % SandboxNames.Tags.Length]);
            }

            data.Orders.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/Order/{600001 + i}",
                ["legacyResourceId"] = (600001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["name"] = $"#{1001 + i}",
                ["createdAt"] = SandboxData.Timestamp(created),
                ["updatedAt"] = SandboxData.Timestamp(updated),
                ["processedAt"] = SandboxData.Timestamp(created),
                ["cancelledAt"] = cancelled ? SandboxData.Timestamp(created.AddHours(2)) : null,
                ["cancelReason"] = cancelled ? "CUSTOMER" : null,
                ["closed"] = cancelled || (fulfillment == "FULFILLED" && outstanding == 0),
                ["confirmed"] = true,
                ["test"] = false,
                ["email"] = customer["email"]!.GetValue<string>(),
                ["phone"] = customer["phone"]?.GetValue<string>(),
                ["currencyCode"] = data.Currency,
                ["displayFinancialStatus"] = financial,
                ["displayFulfillmentStatus"] = fulfillment,
                ["fullyPaid"] = financial is "PAID" or "REFUNDED" or "PARTIALLY_REFUNDED",
                ["tags"] = tags,
                ["note"] = i % 6 == 0 ? "Please gift wrap" : null,
                ["sourceName"] = channel.Source,
                ["risk"] = new JsonObject
                {
                    ["recommendation"] = risk.Item1,
                    ["assessments"] = new JsonArray(new JsonObject { ["riskLevel"] = risk.Item2 }),
                },
                ["channelInformation"] = new JsonObject
                {
                    ["channelDefinition"] = new JsonObject { ["handle"] = channel.Handle, ["channelName"] = channel.Name },
                },
                ["app"] = new JsonObject { ["id"] = channel.App, ["name"] = channel.Name },
                ["totalPriceSet"] = data.MoneyBag(total),
                ["subtotalPriceSet"] = data.MoneyBag(subtotal),
                ["totalTaxSet"] = data.MoneyBag(tax),
                ["totalShippingPriceSet"] = data.MoneyBag(shippingCost),
                ["totalOutstandingSet"] = data.MoneyBag(outstanding),
                ["customer"] = guest ? null : new JsonObject
                {
                    ["id"] = customer["id"]!.GetValue<string>(),
                    ["email"] = customer["email"]!.GetValue<string>(),
                    ["firstName"] = first,
                    ["lastName"] = last,
                    ["phone"] = customer["phone"]?.GetValue<string>(),
                },
                ["shippingAddress"] = shipping,
                ["billingAddress"] = shipping.DeepClone(),
                ["lineItems"] = lines,
                ["fulfillmentOrders"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"gid://shopify/FulfillmentOrder/{800001 + i}",
                    ["status"] = fulfillment switch { "FULFILLED" => "CLOSED", "UNFULFILLED" => "OPEN", _ => "IN_PROGRESS" },
                    ["assignedLocation"] = new JsonObject
                    {
                        ["location"] = new JsonObject { ["id"] = location["id"]!.GetValue<string>(), ["name"] = location["name"]!.GetValue<string>() },
                    },
                    ["lineItems"] = foLines,
                }),
                ["fulfillments"] = new JsonArray(),
            });
        }
    }
}
