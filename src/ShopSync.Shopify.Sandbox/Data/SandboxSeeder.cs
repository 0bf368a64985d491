using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Builds the deterministic demo store: same seed and sizes, same records, ids and dates.</summary>
internal static partial class SandboxSeeder
{
    /// <summary>Seeded records are dated from here, never from the clock, so they do not change between runs.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SandboxData Seed(SandboxOptions options)
    {
        var random = new Random(options.Seed);
        var data = new SandboxData(options.Currency);
        data.Shop = new JsonObject
        {
            ["id"] = "gid://shopify/Shop/1",
            ["name"] = options.ShopName,
            ["email"] = "owner@sandbox.example.com",
            ["currencyCode"] = options.Currency,
            ["myshopifyDomain"] = "shopsync-sandbox.myshopify.com",
        };
        data.Locations.Add(Location(61001, "Main Warehouse", "Reykjavík", "IS", "101"));
        data.Locations.Add(Location(61002, "Retail Store", "Seattle", "US", "98101"));
        SeedProducts(data, options, random);
        SeedCustomers(data, options, random);
        SeedCompanies(data, options, random);
        SeedOrders(data, options, random);
        SeedPayments(data, options, random);
        SeedCatalogs(data, options);
        return data;
    }

    private static JsonObject Location(long id, string name, string city, string country, string zip) => new()
    {
        ["id"] = $"gid://shopify/Location/{id}",
        ["name"] = name,
        ["isActive"] = true,
        ["address"] = new JsonObject { ["city"] = city, ["countryCode"] = country, ["zip"] = zip },
        ["inventoryLevels"] = new JsonArray(),
    };

    private static readonly string[] Sizes = ["Small", "Medium", "Large"];

    private static void SeedProducts(SandboxData data, SandboxOptions options, Random random)
    {
        for (var p = 0; p < options.Products; p++)
        {
            var title = $"{SandboxNames.Adjectives[p % SandboxNames.Adjectives.Length]} {SandboxNames.Nouns[(p / SandboxNames.Adjectives.Length) % SandboxNames.Nouns.Length]}";
            if (p >= SandboxNames.Adjectives.Length * SandboxNames.Nouns.Length)
            {
                title += $" {p + 1}";
            }

            var created = Epoch.AddHours(-24 * 90).AddMinutes(p * 53);
            var variants = new JsonArray();
            var variantCount = 1 + random.Next(3);
            for (var v = 0; v < variantCount; v++)
            {
                var variantNumber = (p * 3) + v + 1;
                var price = Math.Round((decimal)(5 + random.Next(195)) + 0.99m, 2);
                var inventoryItemId = $"gid://shopify/InventoryItem/{300000 + variantNumber}";
                var sku = $"SKU-{p + 1:D4}-{v + 1}";
                var variantId = $"gid://shopify/ProductVariant/{200000 + variantNumber}";
                var total = 0;
                foreach (var location in data.Locations)
                {
                    var available = random.Next(0, 120);
                    var committed = random.Next(0, 5);
                    total += available;
                    location["inventoryLevels"]!.AsArray().Add(new JsonObject
                    {
                        ["id"] = $"gid://shopify/InventoryLevel/{location["id"]!.GetValue<string>().Split('/')[^1]}?inventory_item_id={300000 + variantNumber}",
                        ["updatedAt"] = SandboxData.Timestamp(created),
                        ["quantities"] = new JsonArray(
                            Quantity("available", available),
                            Quantity("committed", committed),
                            Quantity("on_hand", available + committed)),
                        ["item"] = new JsonObject { ["id"] = inventoryItemId, ["sku"] = sku, ["variant"] = new JsonObject { ["id"] = variantId } },
                    });
                }

                variants.Add(new JsonObject
                {
                    ["id"] = variantId,
                    ["title"] = variantCount == 1 ? "Default Title" : Sizes[v],
                    ["sku"] = sku,
                    ["barcode"] = (5690000000000L + variantNumber).ToString(CultureInfo.InvariantCulture),
                    ["price"] = price.ToString("0.00", CultureInfo.InvariantCulture),
                    ["compareAtPrice"] = random.Next(4) == 0 ? (price + 10).ToString("0.00", CultureInfo.InvariantCulture) : null,
                    ["taxable"] = true,
                    ["inventoryQuantity"] = total,
                    ["updatedAt"] = SandboxData.Timestamp(created),
                    ["selectedOptions"] = new JsonArray(new JsonObject { ["name"] = variantCount == 1 ? "Title" : "Size", ["value"] = variantCount == 1 ? "Default Title" : Sizes[v] }),
                    ["inventoryItem"] = new JsonObject { ["id"] = inventoryItemId, ["tracked"] = true },
                    ["product"] = new JsonObject { ["id"] = $"gid://shopify/Product/{100001 + p}", ["title"] = title },
                });
            }

            var images = new JsonArray();
            for (var k = 0; k < 1 + (p % 2); k++)
            {
                images.Add(new JsonObject
                {
                    ["id"] = $"gid://shopify/ProductImage/{150000 + (p * 2) + k + 1}",
                    ["url"] = $"https://cdn.sandbox.example.com/products/{p + 1}-{k + 1}.jpg",
                    ["altText"] = $"{title} image {k + 1}",
                    ["width"] = 1024,
                    ["height"] = 1024,
                });
            }

            data.Products.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/Product/{100001 + p}",
                ["title"] = title,
                ["handle"] = title.ToLowerInvariant().Replace(' ', '-'),
                ["vendor"] = SandboxNames.Vendors[p % SandboxNames.Vendors.Length],
                ["productType"] = SandboxNames.Nouns[(p / SandboxNames.Adjectives.Length) % SandboxNames.Nouns.Length],
                ["status"] = p % 10 == 9 ? "DRAFT" : "ACTIVE",
                ["tags"] = new JsonArray(SandboxNames.Tags[p % SandboxNames.Tags.Length]),
                ["descriptionHtml"] = $"<p>{title} from the sandbox.</p>",
                ["createdAt"] = SandboxData.Timestamp(created),
                ["updatedAt"] = SandboxData.Timestamp(created.AddHours(p % 7)),
                ["options"] = new JsonArray(new JsonObject
                {
                    ["name"] = variantCount == 1 ? "Title" : "Size",
                    ["values"] = variantCount == 1 ? new JsonArray("Default Title") : new JsonArray(Sizes.Take(variantCount).Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                }),
                ["variants"] = variants,
                ["images"] = images,
            });
        }
    }

    private static JsonObject Quantity(string name, int quantity) => new() { ["name"] = name, ["quantity"] = quantity };

    /// <summary>A mailing address in the shape of Shopify's CompanyAddress (companyName, zoneCode, countryCode).</summary>
    private static JsonObject CompanyAddress(JsonObject mailing) => new()
    {
        ["firstName"] = mailing["firstName"]?.DeepClone(),
        ["lastName"] = mailing["lastName"]?.DeepClone(),
        ["recipient"] = null,
        ["companyName"] = mailing["company"]?.DeepClone(),
        ["address1"] = mailing["address1"]?.DeepClone(),
        ["address2"] = mailing["address2"]?.DeepClone(),
        ["city"] = mailing["city"]?.DeepClone(),
        ["province"] = mailing["province"]?.DeepClone(),
        ["zoneCode"] = mailing["provinceCode"]?.DeepClone(),
        ["zip"] = mailing["zip"]?.DeepClone(),
        ["country"] = mailing["country"]?.DeepClone(),
        ["countryCode"] = mailing["countryCodeV2"]?.DeepClone(),
        ["phone"] = mailing["phone"]?.DeepClone(),
    };

    private static JsonObject Address(SandboxData data, Random random, string first, string last, string? company)
    {
        var country = SandboxNames.Countries[random.Next(SandboxNames.Countries.Length)];
        return new JsonObject
        {
            ["firstName"] = first,
            ["lastName"] = last,
            ["company"] = company,
            ["address1"] = $"{1 + random.Next(200)} Harbour Street",
            ["address2"] = null,
            ["city"] = country.City,
            ["province"] = null,
            ["provinceCode"] = null,
            ["zip"] = country.Zip,
            ["country"] = country.Name,
            ["countryCodeV2"] = country.Code,
            ["phone"] = $"+354 555 {1000 + random.Next(9000)}",
        };
    }

    private static void SeedCustomers(SandboxData data, SandboxOptions options, Random random)
    {
        for (var i = 0; i < options.Customers; i++)
        {
            var first = SandboxNames.FirstNames[i % SandboxNames.FirstNames.Length];
            var last = SandboxNames.LastNames[(i / SandboxNames.FirstNames.Length + i) % SandboxNames.LastNames.Length];
            var created = Epoch.AddDays(-60).AddMinutes(i * 41);
            data.Customers.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/Customer/{400001 + i}",
                ["email"] = $"customer{i + 1}@sandbox.example.com",
                ["phone"] = i % 3 == 0 ? $"+1206555{1000 + i:D4}" : null,
                ["firstName"] = first,
                ["lastName"] = last,
                ["state"] = i % 8 == 7 ? "INVITED" : i % 13 == 12 ? "DISABLED" : "ENABLED",
                ["taxExempt"] = i % 10 == 9,
                ["tags"] = i % 4 == 0 ? new JsonArray("vip") : new JsonArray(),
                ["note"] = null,
                ["createdAt"] = SandboxData.Timestamp(created),
                ["updatedAt"] = SandboxData.Timestamp(created.AddHours(1 + (i % 5))),
                ["defaultAddress"] = Address(data, random, first, last, null),
                ["amountSpent"] = data.Money(random.Next(0, 2000)),
            });
        }
    }

    private static void SeedCompanies(SandboxData data, SandboxOptions options, Random random)
    {
        for (var i = 0; i < options.Companies; i++)
        {
            var name = SandboxNames.Companies[i % SandboxNames.Companies.Length] + (i >= SandboxNames.Companies.Length ? $" {i + 1}" : string.Empty);
            var contact = data.Customers[i % data.Customers.Count];
            var locations = new JsonArray();
            for (var l = 0; l < 1 + (i % 2); l++)
            {
                var address = CompanyAddress(Address(data, random, contact["firstName"]!.GetValue<string>(), contact["lastName"]!.GetValue<string>(), name));
                locations.Add(new JsonObject
                {
                    ["id"] = $"gid://shopify/CompanyLocation/{510001 + (i * 2) + l}",
                    ["name"] = l == 0 ? $"{name} HQ" : $"{name} Branch",
                    ["externalId"] = null,
                    ["billingAddress"] = address,
                    ["shippingAddress"] = address.DeepClone(),
                });
            }

            var created = Epoch.AddDays(-30).AddHours(i * 5);
            data.Companies.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/Company/{500001 + i}",
                ["name"] = name,
                ["externalId"] = i % 2 == 0 ? $"ERP-C{i + 1:D4}" : null,
                ["note"] = null,
                ["createdAt"] = SandboxData.Timestamp(created),
                ["updatedAt"] = SandboxData.Timestamp(created.AddHours(2)),
                ["mainContact"] = new JsonObject
                {
                    ["id"] = $"gid://shopify/CompanyContact/{520001 + i}",
                    ["customer"] = new JsonObject
                    {
                        ["id"] = contact["id"]!.GetValue<string>(),
                        ["email"] = contact["email"]!.GetValue<string>(),
                        ["firstName"] = contact["firstName"]!.GetValue<string>(),
                        ["lastName"] = contact["lastName"]!.GetValue<string>(),
                        ["phone"] = contact["phone"]?.GetValue<string>(),
                    },
                },
                ["locations"] = locations,
            });
        }
    }
}
