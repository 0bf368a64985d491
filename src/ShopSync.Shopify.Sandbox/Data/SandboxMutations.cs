using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Mutation root fields. Each validates like Shopify (userErrors with field paths) and changes the store,
/// so tests can assert what ShopSync sent. Batch mutations are all-or-nothing, as in Shopify.
/// </summary>
internal static partial class SandboxMutations
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "productCreate", "productUpdate", "productVariantsBulkCreate", "productVariantsBulkUpdate", "productCreateMedia", "customerCreate",
        "companyCreate",
        "inventorySetQuantities", "inventorySetOnHandQuantities", "fulfillmentCreate", "priceListFixedPricesAdd",
    };

    public static object? Run(string field, SandboxMutationContext context) => field switch
    {
        "productCreate" => ProductCreate(context),
        "productUpdate" => ProductUpdate(context),
        "productVariantsBulkCreate" => VariantsBulkCreate(context),
        "productVariantsBulkUpdate" => VariantsBulkUpdate(context),
        "productCreateMedia" => CreateMedia(context),
        "customerCreate" => CustomerCreate(context),
        "companyCreate" => CompanyCreate(context),
        "inventorySetQuantities" => SetQuantities(context, onHandOnly: false),
        "inventorySetOnHandQuantities" => SetQuantities(context, onHandOnly: true),
        "fulfillmentCreate" => FulfillmentCreate(context),
        "priceListFixedPricesAdd" => PriceListFixedPricesAdd(context),
        _ => null,
    };

    private static object ProductCreate(SandboxMutationContext context)
    {
        var input = context.ObjectArgument("product");
        var title = SandboxMutationContext.Text(input["title"]);
        if (string.IsNullOrWhiteSpace(title))
        {
            context.Error("Title can't be blank", "BLANK", "title");
            return context.Payload(values: ("product", null));
        }

        var options = ProductOptions(context, input["productOptions"]);
        var handle = SandboxMutationContext.Text(input["handle"]);
        if (handle is not null && context.Data.Products.Any(p => SandboxMutationContext.Text(p["handle"]) == handle))
        {
            context.Error($"Handle '{handle}' already in use. Please provide a new handle.", "TAKEN", "handle");
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("product", null));
        }

        var data = context.Data;
        var productId = data.NewId("Product");
        var standalone = options.Select(o => (Name: o!["name"]!.GetValue<string>(), Value: o["values"]!.AsArray()[0]!.GetValue<string>())).ToList();
        var product = new JsonObject
        {
            ["id"] = productId,
            ["title"] = title,
            ["handle"] = handle ?? UniqueHandle(data, title),
            ["vendor"] = SandboxMutationContext.Text(input["vendor"]),
            ["productType"] = SandboxMutationContext.Text(input["productType"]),
            ["status"] = SandboxMutationContext.Text(input["status"]) ?? "ACTIVE",
            ["tags"] = input["tags"]?.DeepClone() ?? new JsonArray(),
            ["descriptionHtml"] = SandboxMutationContext.Text(input["descriptionHtml"]),
            ["createdAt"] = context.NowText,
            ["updatedAt"] = context.NowText,
            ["options"] = options,
            ["variants"] = new JsonArray(NewVariant(context, productId, title, standalone, sku: null, barcode: null, price: 0)),
            ["images"] = new JsonArray(),
        };
        data.Products.Add(product);
        return context.Payload(values: ("product", product));
    }

    private static object ProductUpdate(SandboxMutationContext context)
    {
        var input = context.ObjectArgument("product");
        var product = SandboxData.ById(context.Data.Products, SandboxMutationContext.Text(input["id"]));
        if (product is null)
        {
            context.Error("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "id");
            return context.Payload(values: ("product", null));
        }

        foreach (var field in (ReadOnlySpan<string>)["title", "vendor", "productType", "status", "descriptionHtml", "tags"])
        {
            if (input.ContainsKey(field))
            {
                product[field] = input[field]?.DeepClone();
            }
        }

        product["updatedAt"] = context.NowText;
        return context.Payload(values: ("product", product));
    }

    private static object CustomerCreate(SandboxMutationContext context)
    {
        var input = context.ObjectArgument("input");
        var email = SandboxMutationContext.Text(input["email"]);
        var phone = SandboxMutationContext.Text(input["phone"]);
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone) && input["lastName"] is null)
        {
            context.Error("A name, phone number, or email address must be present", "BLANK", "customer");
        }
        else if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            context.Error("Email is invalid", "INVALID", "email");
        }
        else if (email is not null && context.Data.Customers.Any(c => string.Equals(SandboxMutationContext.Text(c["email"]), email, StringComparison.OrdinalIgnoreCase)))
        {
            context.Error("Email has already been taken", "TAKEN", "email");
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("customer", null));
        }

        var address = (input["addresses"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var customer = new JsonObject
        {
            ["id"] = context.Data.NewId("Customer"),
            ["email"] = email,
            ["phone"] = phone,
            ["firstName"] = SandboxMutationContext.Text(input["firstName"]),
            ["lastName"] = SandboxMutationContext.Text(input["lastName"]),
            ["state"] = "DISABLED",
            ["taxExempt"] = false,
            ["tags"] = input["tags"]?.DeepClone() ?? new JsonArray(),
            ["note"] = SandboxMutationContext.Text(input["note"]),
            ["createdAt"] = context.NowText,
            ["updatedAt"] = context.NowText,
            ["defaultAddress"] = address is null ? null : new JsonObject
            {
                ["firstName"] = address["firstName"]?.DeepClone(),
                ["lastName"] = address["lastName"]?.DeepClone(),
                ["company"] = address["company"]?.DeepClone(),
                ["address1"] = address["address1"]?.DeepClone(),
                ["address2"] = address["address2"]?.DeepClone(),
                ["city"] = address["city"]?.DeepClone(),
                ["province"] = null,
                ["provinceCode"] = address["provinceCode"]?.DeepClone(),
                ["zip"] = address["zip"]?.DeepClone(),
                ["country"] = address["countryCode"]?.DeepClone(),
                ["countryCodeV2"] = address["countryCode"]?.DeepClone(),
                ["phone"] = address["phone"]?.DeepClone(),
            },
            ["amountSpent"] = context.Data.Money(0),
        };
        context.Data.Customers.Add(customer);
        return context.Payload(values: ("customer", customer));
    }

    private static JsonObject Quantity(string name, int quantity) => new() { ["name"] = name, ["quantity"] = quantity };

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
