using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// companyCreate: validates like Shopify (blank name, taken external ids, taken contact e-mail) and stores the company in
/// the shape the companies query reads; the contact becomes a customer, as in Shopify.
/// </summary>
internal static partial class SandboxMutations
{
    private static object CompanyCreate(SandboxMutationContext context)
    {
        var input = context.ObjectArgument("input");
        var company = input["company"] as JsonObject ?? [];
        var contact = input["companyContact"] as JsonObject;
        var location = input["companyLocation"] as JsonObject;
        var data = context.Data;
        var name = SandboxMutationContext.Text(company["name"]);
        var externalId = SandboxMutationContext.Text(company["externalId"]);
        var email = SandboxMutationContext.Text(contact?["email"]);
        var locationExternalId = SandboxMutationContext.Text(location?["externalId"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error("Name can't be blank", "BLANK", "input", "company", "name");
        }

        if (externalId is not null && data.Companies.Any(c => SandboxMutationContext.Text(c["externalId"]) == externalId))
        {
            context.Error("External Id has already been taken", "TAKEN", "input", "company", "externalId");
        }

        if (contact is not null && string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(SandboxMutationContext.Text(contact["phone"])))
        {
            context.Error("A contact needs an email address or a phone number", "BLANK", "input", "companyContact");
        }
        else if (email is not null && data.Customers.Any(c => string.Equals(SandboxMutationContext.Text(c["email"]), email, StringComparison.OrdinalIgnoreCase)))
        {
            context.Error("Email address has already been taken", "TAKEN", "input", "companyContact", "email");
        }

        if (locationExternalId is not null && data.Companies.SelectMany(c => c["locations"]!.AsArray().OfType<JsonObject>())
            .Any(l => SandboxMutationContext.Text(l["externalId"]) == locationExternalId))
        {
            context.Error("External Id has already been taken", "TAKEN", "input", "companyLocation", "externalId");
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("company", null));
        }

        var stored = new JsonObject
        {
            ["id"] = data.NewId("Company"),
            ["name"] = name,
            ["externalId"] = externalId,
            ["note"] = SandboxMutationContext.Text(company["note"]),
            ["createdAt"] = context.NowText,
            ["updatedAt"] = context.NowText,
            ["mainContact"] = contact is null ? null : NewContact(context, contact),
            ["locations"] = new JsonArray(NewLocation(context, location, name!)),
        };
        data.Companies.Add(stored);
        return context.Payload(values: ("company", stored));
    }

    private static JsonObject NewContact(SandboxMutationContext context, JsonObject contact)
    {
        var customer = new JsonObject
        {
            ["id"] = context.Data.NewId("Customer"),
            ["email"] = SandboxMutationContext.Text(contact["email"]),
            ["phone"] = SandboxMutationContext.Text(contact["phone"]),
            ["firstName"] = SandboxMutationContext.Text(contact["firstName"]),
            ["lastName"] = SandboxMutationContext.Text(contact["lastName"]),
            ["state"] = "DISABLED",
            ["taxExempt"] = false,
            ["tags"] = new JsonArray(),
            ["note"] = null,
            ["createdAt"] = context.NowText,
            ["updatedAt"] = context.NowText,
            ["defaultAddress"] = null,
            ["amountSpent"] = context.Data.Money(0),
        };
        context.Data.Customers.Add(customer);
        var reference = new JsonObject();
        foreach (var field in (ReadOnlySpan<string>)["id", "email", "firstName", "lastName", "phone"])
        {
            reference[field] = customer[field]?.DeepClone();
        }

        return new JsonObject { ["id"] = context.Data.NewId("CompanyContact"), ["customer"] = reference };
    }

    private static JsonObject NewLocation(SandboxMutationContext context, JsonObject? location, string companyName)
    {
        var shipping = Address(location?["shippingAddress"] as JsonObject, companyName);
        var billing = location?["billingSameAsShipping"] is JsonValue same && same.TryGetValue<bool>(out var isSame) && isSame
            ? shipping?.DeepClone()
            : Address(location?["billingAddress"] as JsonObject, companyName);
        return new JsonObject
        {
            ["id"] = context.Data.NewId("CompanyLocation"),
            ["name"] = SandboxMutationContext.Text(location?["name"]) ?? companyName,
            ["externalId"] = SandboxMutationContext.Text(location?["externalId"]),
            ["billingAddress"] = billing,
            ["shippingAddress"] = shipping,
        };
    }

    // Stored as a CompanyAddress (companyName, zoneCode, countryCode), the seeded companies' shape.
    private static JsonObject? Address(JsonObject? input, string companyName) => input is null ? null : new JsonObject
    {
        ["firstName"] = input["firstName"]?.DeepClone(),
        ["lastName"] = input["lastName"]?.DeepClone(),
        ["recipient"] = input["recipient"]?.DeepClone(),
        ["companyName"] = companyName,
        ["address1"] = input["address1"]?.DeepClone(),
        ["address2"] = input["address2"]?.DeepClone(),
        ["city"] = input["city"]?.DeepClone(),
        ["province"] = null,
        ["zoneCode"] = input["zoneCode"]?.DeepClone(),
        ["zip"] = input["zip"]?.DeepClone(),
        ["country"] = input["countryCode"]?.DeepClone(),
        ["countryCode"] = input["countryCode"]?.DeepClone(),
        ["phone"] = input["phone"]?.DeepClone(),
    };
}
