namespace ShopSync.Shopify.Client;

// The input records of companyCreate, grouped in one file because each is a few lines and they only travel together.

/// <summary>Input of <c>companyCreate</c> (<c>CompanyCreateInput</c>): the company, and optionally its first contact and location.</summary>
/// <param name="Company">The company itself (name required by Shopify).</param>
/// <param name="CompanyContact">The main contact; Shopify creates a customer for it (e-mail or phone needed).</param>
/// <param name="CompanyLocation">The first location; without it Shopify creates one named after the company.</param>
public sealed record ShopifyCompanyCreateInput(
    ShopifyCompanyInput Company,
    ShopifyCompanyContactInput? CompanyContact = null,
    ShopifyCompanyLocationInput? CompanyLocation = null);

/// <summary><c>CompanyInput</c>. <see cref="ExternalId"/> is unique per store, so it doubles as an idempotency key.</summary>
public sealed record ShopifyCompanyInput(string Name, string? ExternalId = null, string? Note = null);

/// <summary><c>CompanyContactInput</c>.</summary>
public sealed record ShopifyCompanyContactInput(string? Email = null, string? FirstName = null, string? LastName = null, string? Phone = null, string? Title = null);

/// <summary><c>CompanyLocationInput</c>; with <see cref="BillingSameAsShipping"/> true the billing address is ignored.</summary>
public sealed record ShopifyCompanyLocationInput(
    string? Name = null,
    ShopifyCompanyAddressInput? ShippingAddress = null,
    ShopifyCompanyAddressInput? BillingAddress = null,
    bool? BillingSameAsShipping = null,
    string? ExternalId = null,
    string? Phone = null);

/// <summary><c>CompanyAddressInput</c> (<see cref="ZoneCode"/> is the province/state code).</summary>
public sealed record ShopifyCompanyAddressInput(
    string? Address1 = null,
    string? Address2 = null,
    string? City = null,
    string? Zip = null,
    string? CountryCode = null,
    string? ZoneCode = null,
    string? Recipient = null,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null);
