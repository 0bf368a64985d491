using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Payouts, balance transactions, disputes and B2B catalogs.</summary>
internal static partial class SandboxSeeder
{
    private static void SeedPayments(SandboxData data, SandboxOptions options, Random random)
    {
        var transactionNumber = 0;
        foreach (var order in data.Orders)
        {
            var financial = order["displayFinancialStatus"]!.GetValue<string>();
            if (financial is "PENDING" or "AUTHORIZED" or "VOIDED")
            {
                continue;
            }

            var total = Amount(order["totalPriceSet"]!["shopMoney"]!);
            var charged = total - Amount(order["totalOutstandingSet"]!["shopMoney"]!);
            var date = SandboxData.ParseTimestamp(order["createdAt"]).AddMinutes(3);
            data.BalanceTransactions.Add(Transaction(data, ++transactionNumber, "CHARGE", order, charged, date));
            if (financial is "REFUNDED" or "PARTIALLY_REFUNDED")
            {
                var refunded = financial == "REFUNDED" ? charged : Math.Round(charged / 3, 2);
                data.BalanceTransactions.Add(Transaction(data, ++transactionNumber, "REFUND", order, -refunded, date.AddDays(2)));
            }
        }

        // Transactions are paid out in date order; the newest ones are not paid out yet.
        var ordered = data.BalanceTransactions.OrderBy(t => SandboxData.ParseTimestamp(t["transactionDate"])).ToList();
        var perPayout = options.Payouts == 0 ? 0 : Math.Max(1, ordered.Count / (options.Payouts + 1));
        for (var p = 0; p < options.Payouts; p++)
        {
            var batch = ordered.Skip(p * perPayout).Take(perPayout).ToList();
            var issued = batch.Count == 0 ? Epoch.AddDays(p) : SandboxData.ParseTimestamp(batch[^1]["transactionDate"]).AddDays(2);
            var payoutId = $"gid://shopify/ShopifyPaymentsPayout/{1001 + p}";
            var status = p == options.Payouts - 1 ? "IN_TRANSIT" : "PAID";
            foreach (var transaction in batch)
            {
                transaction["associatedPayout"] = new JsonObject { ["id"] = payoutId, ["status"] = status };
            }

            decimal Sum(string field, Func<JsonObject, bool> filter) => batch.Where(filter).Sum(t => Amount(t[field]!));
            data.Payouts.Add(new JsonObject
            {
                ["id"] = payoutId,
                ["legacyResourceId"] = (1001 + p).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["issuedAt"] = SandboxData.Timestamp(issued),
                ["status"] = status,
                ["transactionType"] = "DEPOSIT",
                ["net"] = data.Money(Sum("net", _ => true)),
                ["summary"] = new JsonObject
                {
                    ["chargesGross"] = data.Money(Sum("amount", t => t["type"]!.GetValue<string>() == "CHARGE")),
                    ["chargesFee"] = data.Money(Sum("fee", t => t["type"]!.GetValue<string>() == "CHARGE")),
                    ["refundsFeeGross"] = data.Money(Sum("amount", t => t["type"]!.GetValue<string>() == "REFUND")),
                    ["adjustmentsGross"] = data.Money(0),
                },
            });
        }

        var paidOrders = data.Orders.Where(o => o["fullyPaid"]!.GetValue<bool>()).ToList();
        string[] statuses = ["NEEDS_RESPONSE", "UNDER_REVIEW", "WON", "LOST", "ACCEPTED"];
        string[] reasons = ["FRAUDULENT", "PRODUCT_NOT_RECEIVED", "PRODUCT_UNACCEPTABLE", "SUBSCRIPTION_CANCELLED"];
        for (var d = 0; d < options.Disputes && paidOrders.Count > 0; d++)
        {
            var order = paidOrders[random.Next(paidOrders.Count)];
            var initiated = SandboxData.ParseTimestamp(order["createdAt"]).AddDays(10);
            var status = statuses[d % statuses.Length];
            data.Disputes.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/ShopifyPaymentsDispute/{3001 + d}",
                ["legacyResourceId"] = (3001 + d).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["status"] = status,
                ["type"] = d % 3 == 2 ? "INQUIRY" : "CHARGEBACK",
                ["initiatedAt"] = SandboxData.Timestamp(initiated),
                ["evidenceDueBy"] = initiated.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["finalizedOn"] = status is "WON" or "LOST" or "ACCEPTED" ? initiated.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                ["amount"] = order["totalPriceSet"]!["shopMoney"]!.DeepClone(),
                ["reasonDetails"] = new JsonObject { ["reason"] = reasons[d % reasons.Length], ["networkReasonCode"] = (4837 + d).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["order"] = new JsonObject { ["id"] = order["id"]!.GetValue<string>(), ["name"] = order["name"]!.GetValue<string>() },
            });
        }
    }

    private static JsonObject Transaction(SandboxData data, int number, string type, JsonObject order, decimal amount, DateTimeOffset date)
    {
        var fee = type == "CHARGE" ? Math.Round((amount * 0.029m) + 0.30m, 2) : 0m;
        return new JsonObject
        {
            ["id"] = $"gid://shopify/ShopifyPaymentsBalanceTransaction/{2000 + number}",
            ["type"] = type,
            ["test"] = false,
            ["transactionDate"] = SandboxData.Timestamp(date),
            ["amount"] = data.Money(amount),
            ["fee"] = data.Money(fee),
            ["net"] = data.Money(amount - fee),
            ["sourceType"] = type,
            ["sourceId"] = 5_000_000 + number,
            ["sourceOrderTransactionId"] = 6_000_000 + number,
            ["associatedOrder"] = new JsonObject { ["id"] = order["id"]!.GetValue<string>(), ["name"] = order["name"]!.GetValue<string>() },
            ["associatedPayout"] = new JsonObject { ["id"] = null, ["status"] = null },
        };
    }

    private static void SeedCatalogs(SandboxData data, SandboxOptions options)
    {
        var variants = data.Products.SelectMany(p => p["variants"]!.AsArray().OfType<JsonObject>()).Take(12).ToList();
        for (var c = 0; c < Math.Min(options.Companies, 3); c++)
        {
            var prices = new JsonArray();
            foreach (var variant in variants.Skip(c).Take(10))
            {
                var price = Math.Round(Amount(variant["price"]!) * 0.9m, 2);
                prices.Add(new JsonObject
                {
                    ["variant"] = new JsonObject { ["id"] = variant["id"]!.GetValue<string>() },
                    ["price"] = data.Money(price),
                    ["compareAtPrice"] = null,
                    ["originType"] = "FIXED",
                });
            }

            var priceList = new JsonObject
            {
                ["id"] = $"gid://shopify/PriceList/{4101 + c}",
                ["name"] = $"{data.Companies[c]["name"]!.GetValue<string>()} prices",
                ["currency"] = data.Currency,
                ["prices"] = prices,
            };
            data.PriceLists.Add(priceList);
            data.Catalogs.Add(new JsonObject
            {
                ["__typename"] = "CompanyLocationCatalog",
                ["id"] = $"gid://shopify/CompanyLocationCatalog/{4001 + c}",
                ["title"] = $"{data.Companies[c]["name"]!.GetValue<string>()} catalog",
                ["status"] = "ACTIVE",
                ["priceList"] = priceList,
            });
        }
    }

    private static decimal Amount(JsonNode node) =>
        decimal.Parse((node is JsonObject o ? o["amount"] : node)!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
